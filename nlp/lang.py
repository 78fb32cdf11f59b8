"""Cheap language detection between English and Chinese."""

# A Chinese legal text is dominated by CJK ideographs; English text has almost none.
# Counting only letters keeps numbers, punctuation and whitespace out of the ratio.
_CJK_SHARE_FOR_ZH = 0.3
_SAMPLE_CHARS = 20_000


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= code <= 0x4DBF  # Extension A
        or 0xF900 <= code <= 0xFAFF  # Compatibility Ideographs
        or 0x20000 <= code <= 0x2FA1F  # Extensions B onwards
    )


def detect_lang(text: str) -> str:
    """Return ``"zh"`` if CJK ideographs make up a fair share of the letters, else ``"en"``.

    Only the first 20,000 characters are sampled, so the cost is bounded for huge texts.
    Text without any letters is reported as ``"en"``.
    """
    cjk = letters = 0
    for char in text[:_SAMPLE_CHARS]:
        if _is_cjk(char):
            cjk += 1
            letters += 1
        elif char.isalpha():
            letters += 1
    if not letters:
        return "en"
    return "zh" if cjk / letters >= _CJK_SHARE_FOR_ZH else "en"
