#!/usr/bin/env python3
"""Writes a department zip with Python's zipfile, its names in cp936 (GBK) without the UTF-8 flag.

A second "other software" source for fixtures/zip-submissions/ (made by scripts/make-zip-submissions.mjs,
which calls this): Python's zipfile writes a non-ASCII name as UTF-8 with the flag, so the scripts
Chinese offices use to zip folders for Windows users replace ZipInfo._encodeFilenameFlags to store
the name in the ANSI code page — the same bytes as Explorer on a zh-CN Windows, written by another
program (its own extra fields, version made by, data layout).

Usage: make-zip-cp936.py SOURCE_FOLDER OUT.zip
"""
import os
import sys
import zipfile


class Cp936Info(zipfile.ZipInfo):
    def _encodeFilenameFlags(self):
        return self.filename.encode('cp936'), self.flag_bits


def main(src, out):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for root, dirs, files in os.walk(src):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                arc = os.path.relpath(path, src).replace(os.sep, '/')
                info = Cp936Info(arc, date_time=(2026, 10, 9, 9, 30, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0  # MS-DOS, as on Windows
                info.external_attr = 0x20  # FILE_ATTRIBUTE_ARCHIVE
                with open(path, 'rb') as f:
                    z.writestr(info, f.read())


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
