"""Cheap language detection between English and Chinese."""

# Only the start of a text is sampled, so the cost is bounded for huge texts.
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
    """Return ``"zh"`` when CJK ideographs are at least as many as other words, else ``"en"``.

    An ideograph carries about as much as an English word, so ideographs are weighed
    against words, not letters: a Chinese text quoting "PLT" stays Chinese, and an English
    text with a Chinese name stays English. Text without letters is reported as ``"en"``.
    """
    cjk = words = 0
    in_word = False
    for char in text[:_SAMPLE_CHARS]:
        if _is_cjk(char):
            cjk += 1
            in_word = False
        elif char.isalpha():
            words += not in_word
            in_word = True
        else:
            in_word = False
    return "zh" if cjk and cjk >= words else "en"
