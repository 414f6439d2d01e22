// The text of every sheet and the shared strings of an xlsx, joined: enough to ask whether a value is written.
import yauzl from 'yauzl';

export function readXlsxText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const parts: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/^xl\/(worksheets\/|sharedStrings)/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.push(Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts.join('\n')));
      zip.readEntry();
    });
  });
}
