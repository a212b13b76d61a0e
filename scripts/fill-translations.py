#!/usr/bin/env python3
"""Fills unfinished entries of bizdesk_zh_CN.ts / bizdesk_zh_TW.ts from glossary TSV files.

Glossary lines: source<TAB>zh_CN[<TAB>zh_TW]. Escapes \\n and \\t in fields stand for newline/tab.
Plural messages (numerus) take the same text for every form.
"""
import glob
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load_glossary(folder):
    entries = {}
    for path in sorted(glob.glob(os.path.join(folder, "glossary", "*.tsv"))):
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if len(fields) < 2:
                    print(f"{path}:{number}: needs source<TAB>zh_CN", file=sys.stderr)
                    continue
                source = unescape(fields[0])
                zh_cn = unescape(fields[1])
                zh_tw = unescape(fields[2]) if len(fields) > 2 and fields[2] else None
                entries[source] = (zh_cn, zh_tw)
    return entries


def to_traditional(texts):
    if not texts or not shutil.which("opencc"):
        return {}
    joined = "\u2063".join(texts)
    result = subprocess.run(["opencc", "-c", "s2twp.json"], input=joined, capture_output=True, text=True)
    if result.returncode != 0:
        return {}
    return dict(zip(texts, result.stdout.rstrip("\n").split("\u2063")))


def fill(ts_path, glossary, language):
    tree = ET.parse(ts_path)
    root = tree.getroot()
    pending = []
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("unfinished",):
            continue
        if source in glossary:
            zh_cn, zh_tw = glossary[source]
            pending.append((message, translation, source, zh_cn, zh_tw))
    traditional = to_traditional([p[3] for p in pending if p[4] is None]) if language == "zh_TW" else {}
    missing = []
    for message, translation, source, zh_cn, zh_tw in pending:
        text = zh_cn if language == "zh_CN" else (zh_tw or traditional.get(zh_cn))
        if text is None:
            continue
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        else:
            translation.text = text
        del translation.attrib["type"]
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished":
            missing.append(message.findtext("source"))
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, encoding="utf-8") as handle:
        content = handle.read()
    content = content.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    with open(ts_path, "w", encoding="utf-8") as handle:
        handle.write(content)
    return missing


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "resources/translations"
    glossary = load_glossary(folder)
    status = 0
    for language in ("zh_CN", "zh_TW"):
        missing = fill(os.path.join(folder, f"bizdesk_{language}.ts"), glossary, language)
        if missing:
            status = 1
            print(f"{language}: {len(missing)} untranslated; add them to a glossary/*.tsv:")
            for source in sorted(set(missing)):
                print("  " + source.replace("\n", "\\n"))
    return status


if __name__ == "__main__":
    sys.exit(main())
