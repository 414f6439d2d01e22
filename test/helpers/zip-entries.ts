// A zip's entries read back whole (yauzl), for tests that look inside a workbook, a letter or a package zip.
import yauzl from 'yauzl';

/** Every entry of the zip in `buf`, in the order they lie, with its bytes. */
export function unzip(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

/** The zip's entries as UTF-8 text, by name (a workbook's XML parts). */
export async function zipTexts(buf: Buffer): Promise<Map<string, string>> {
  return new Map((await unzip(buf)).map((e) => [e.name, e.data.toString('utf8')]));
}
