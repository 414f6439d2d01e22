import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../src/schemas/matrix.js';

describe('the responsibility matrix', () => {
  const m = buildMatrix();
  it.each([
    ['就业办', '就业办'],
    ['01就业办', '就业办'],
    ['新乡市就业办', '就业办'],
    ['新乡市人社局就业办', '就业办'],
    ['市就业办公室', '就业办'],
    ['社保中心', '市社保中心'],
    ['新乡市社会保险中心', '市社保中心'],
    ['监察支队', '市劳动保障监察支队'],
    ['新乡市劳动保障监察支队', '市劳动保障监察支队'],
    ['考试中心', '考试中心'],
    ['市考试中心', '考试中心'],
    ['二、劳动关系科', '劳动关系科'],
  ])('resolves %s to %s', (raw, name) => {
    expect(m.resolveDepartment(raw)?.name).toBe(name);
  });
  it('never guesses', () => {
    expect(m.resolveDepartment('宣传科')).toBeUndefined();
    expect(m.resolveDepartment('新乡市')).toBeUndefined();
  });
  it('resolves domains by name, alias and with 领域', () => {
    expect(m.resolveDomain('拖欠农民工工资')?.name).toBe('拖欠工资');
    expect(m.resolveDomain('劳务派遣领域')?.name).toBe('劳务派遣');
    expect(m.resolveDomain('建筑')?.name).toBe('建筑领域');
    expect(m.resolveDomain('养老')).toBeUndefined();
  });
  it('extends and replaces from config', () => {
    const ext = buildMatrix({
      mode: 'extend',
      departments: [
        { name: '法规科', aliases: ['政策法规科'], domains: ['职业技能培训'] },
        { name: '就业办', aliases: ['就业促进办'], domains: ['就业'] },
      ],
      domains: [{ name: '职业技能培训', aliases: ['技能培训'] }],
    });
    expect(ext.resolveDepartment('政策法规科')?.name).toBe('法规科');
    expect(ext.resolveDomain('技能培训')?.name).toBe('职业技能培训');
    expect(ext.resolveDepartment('就业促进办')?.domains).toEqual(['劳务派遣', '就业']);
    const rep = buildMatrix({ mode: 'replace', departments: [{ name: '法规科', aliases: [], domains: ['职业技能培训'] }] });
    expect(rep.departments.map((d) => d.name)).toEqual(['法规科']);
    expect(rep.resolveDepartment('就业办')).toBeUndefined();
  });
  it('replace keeps the built-in spellings of a domain it keeps by name, never over a word the config uses (submission.md 领域)', () => {
    const rep = buildMatrix({
      mode: 'replace',
      departments: [{ name: '劳动监察大队', aliases: [], domains: ['拖欠工资', '工时及休息休假'] }],
      domains: [{ name: '工时管理', aliases: ['工时'] }],
    });
    expect(rep.resolveDomain('拖欠农民工工资')?.name).toBe('拖欠工资');
    expect(rep.resolveDomain('工资拖欠')?.name).toBe('拖欠工资');
    // 工时 is the built-in alias of 工时及休息休假, but this config made it a domain's own word.
    expect(rep.resolveDomain('工时')?.name).toBe('工时管理');
    // A built-in domain the config does not keep is not brought back by its aliases.
    expect(rep.resolveDomain('创业担保贷款')).toBeUndefined();
  });
});
