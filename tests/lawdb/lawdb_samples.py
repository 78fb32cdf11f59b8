"""Illustrative legal texts written for the lawdb tests."""

PASSWORD = "correct-horse-battery-9"

ACT_2001 = """\
PART I — PRELIMINARY

1. Short title
This Act may be cited as the Patents Act, 2001.

PART II — APPLICATIONS

7. Mode of filing
(1) An application shall be filed with the Office on paper, in person at the counter.
(2) The application shall bear the handwritten signature of the applicant.

8. Fees
The prescribed fee shall be paid in cash at the Office.
"""

ACT_2019 = """\
PART I — PRELIMINARY

1. Short title
This Act may be cited as the Patents Act, 2001.

PART II — APPLICATIONS

7. Mode of filing
(1) An application shall be filed with the Office on paper or in electronic form,
at the option of the applicant.
(2) A communication filed in electronic form shall be signed by an electronic signature.

9. Electronic payment
Fees may be paid by bank transfer or online.
"""

REGULATION_ZH = """\
第一条 为了规范专利申请的电子提交，制定本办法。
第二条 申请人可以以纸件形式或者电子形式提交专利申请。
申请人以电子形式提交的，应当使用电子签名。
第三条 申请文件应当包括下列内容：
（一）请求书；
（二）说明书。
"""
