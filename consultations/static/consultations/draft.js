// Keeps the unsent submission in this browser (localStorage) and clears it once it was received.
(() => {
  const SKIPPED = new Set(["csrfmiddlewaretoken", "form_token", "website"]);

  const clearMarker = document.querySelector("[data-draft-clear]");
  if (clearMarker) {
    localStorage.removeItem(clearMarker.dataset.draftClear);
    return;
  }
  const form = document.querySelector("form[data-draft-key]");
  if (!form) return;
  const key = form.dataset.draftKey;
  const fields = () => Array.from(form.elements).filter(
    (el) => el.name && !SKIPPED.has(el.name) && el.type !== "file" && el.type !== "submit"
  );

  const save = () => {
    const draft = {};
    for (const el of fields()) {
      if (el.type === "radio") { if (el.checked) draft[el.name] = el.value; }
      else if (el.value) draft[el.name] = el.value;
    }
    localStorage.setItem(key, JSON.stringify(draft));
  };

  const restore = () => {
    let draft;
    try { draft = JSON.parse(localStorage.getItem(key) || "null"); } catch { draft = null; }
    if (!draft) return false;
    let restored = false;
    for (const el of fields()) {
      if (!(el.name in draft)) continue;
      if (el.type === "radio") {
        // Keep what the server sent back (e.g. after a validation error) over the draft.
        if (!form.querySelector(`input[name="${el.name}"]:checked`) || el.value === draft[el.name]) {
          el.checked = el.value === draft[el.name];
        }
      } else if (!el.value || el.tagName === "SELECT" && el.selectedIndex <= 0) {
        el.value = draft[el.name];
        restored = true;
        const details = el.closest("details");
        if (details) details.open = true;
      }
    }
    return restored;
  };

  if (restore()) {
    const notice = document.querySelector("[data-draft-notice]");
    if (notice) {
      notice.hidden = false;
      notice.querySelector("[data-draft-discard]").addEventListener("click", () => {
        localStorage.removeItem(key);
        form.reset();
        notice.hidden = true;
      });
    }
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  // Move focus to the error summary so that keyboard and screen-reader users hear it first.
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
