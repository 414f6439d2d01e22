// The package writer's guards (issue 18, "guards that a mutation slips past"), asserted on the parts
// it writes: text with edge spaces or a line break keeps xml:space="preserve"; a sheet name is cut to
// Excel's 31 characters (also in docProps/app.xml); a number that is not finite becomes an empty cell.
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { workbookBuffer } from '../../../src/io/xlsx/xlsx-writer.js';

const instant = new Date(Date.UTC(2026, 8, 30));

async function parts(buf: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const out = new Map<string, string>();
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('entry'));
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe('the package writer', () => {
  it('keeps edge spaces and line breaks with xml:space="preserve", and only there', async () => {
    const p = await parts(
      await workbookBuffer([{ name: 'a', headers: ['备注'], rows: [[' 前空格'], ['后空格 '], ['两行\n文字'], ['中 间']] }], instant, 'x'),
    );
    const sst = p.get('xl/sharedStrings.xml') ?? '';
    expect(sst).toContain('<si><t xml:space="preserve"> 前空格</t></si>');
    expect(sst).toContain('<si><t xml:space="preserve">后空格 </t></si>');
    expect(sst).toContain('<si><t xml:space="preserve">两行\n文字</t></si>');
    expect(sst).toContain('<si><t>中 间</t></si>');
  });

  it('cuts a sheet name to 31 characters, in the workbook and in docProps/app.xml', async () => {
    const long = '新乡市人力资源和社会保障局2026年第三季度信用红黑名单移出名单明细';
    expect(long.length).toBeGreaterThan(31);
    const p = await parts(await workbookBuffer([{ name: long, headers: ['a'], rows: [] }], instant, 'x'));
    const cut = long.slice(0, 31);
    expect([...(p.get('xl/workbook.xml') ?? '').matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual([cut]);
    expect(p.get('docProps/app.xml')).toContain(`<vt:lpstr>${cut}</vt:lpstr>`);
    // Two names alike in their first 31 characters are one name: refused like Excel.
    await expect(
      workbookBuffer(
        [
          { name: `${cut}甲`, headers: ['a'], rows: [] },
          { name: `${cut}乙`, headers: ['a'], rows: [] },
        ],
        instant,
        'x',
      ),
    ).rejects.toThrow(/already exists/);
  });

  it('writes NaN and ±Infinity as empty cells, finite numbers as numbers', async () => {
    const p = await parts(
      await workbookBuffer(
        [{ name: 'a', headers: ['n', 'm', 'k', 'j'], rows: [[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2.5]] }],
        instant,
        'x',
      ),
    );
    const sheet = p.get('xl/worksheets/sheet1.xml') ?? '';
    const row2 = /<row r="2">([\s\S]*?)<\/row>/.exec(sheet)?.[1];
    expect(row2).toBe('<c r="A2" s="4"/><c r="B2" s="4"/><c r="C2" s="4"/><c r="D2" s="4"><v>2.5</v></c>');
    expect(sheet).not.toMatch(/NaN|Infinity/);
  });
});
