import time
def test_prof(site_root, django_db_blocker):
    pass
def test_prof2(db):
    from home.management.commands.load_initial_data import Command
    t=time.time(); c=Command(); home=c.ensure_home_pages(); print("home", time.time()-t)
    t=time.time(); c.ensure_site(home); print("site", time.time()-t)
    from lawdb.demo import ensure_index_pages
    t=time.time(); ensure_index_pages(); print("index", time.time()-t)
    from lawdb.treaty_catalogue import load_treaty_catalogue
    t=time.time(); load_treaty_catalogue(); print("cat", time.time()-t)
