/**
 * The responsibility matrix (发布范围, the bureau's rules §三): which department may submit which
 * domains. Data, not code: config may extend or replace it (workspace.md, `matrix`).
 */
import { foldDepartment, foldKey } from '../domain/text.js';
import { memoByText } from './enums.js';

export interface DomainDef {
  name: string;
  aliases: readonly string[];
}

export interface DepartmentDef {
  name: string;
  aliases: readonly string[];
  /** 认定部门 exported for this department's records; the bureau's name when absent. */
  authority?: string;
  domains: readonly string[];
}

export const BUILTIN_DOMAINS: readonly DomainDef[] = [
  { name: '劳务派遣', aliases: [] },
  { name: '工时及休息休假', aliases: ['工时', '工时休假', '工作时间和休息休假', '休息休假'] },
  { name: '劳动合同', aliases: [] },
  { name: '建筑领域', aliases: ['建筑', '建筑业', '工程建设领域'] },
  { name: '社会保险', aliases: ['社保'] },
  { name: '拖欠工资', aliases: ['工资拖欠', '拖欠农民工工资', '欠薪'] },
  { name: '违法用工', aliases: [] },
  { name: '劳动保障诚信等级评价', aliases: ['诚信等级评价', '劳动保障守法诚信等级评价', '守法诚信等级评价'] },
  { name: '就业', aliases: [] },
  { name: '小额贷款', aliases: ['创业担保贷款', '小额担保贷款'] },
  { name: '招录考试', aliases: ['考试', '人事考试'] },
];

export const BUILTIN_DEPARTMENTS: readonly DepartmentDef[] = [
  { name: '就业办', aliases: ['市就业办', '就业办公室', '市就业办公室'], domains: ['劳务派遣'] },
  { name: '劳动关系科', aliases: ['市人社局劳动关系科'], domains: ['工时及休息休假', '劳动合同', '建筑领域'] },
  { name: '监察科', aliases: ['劳动保障监察科', '市人社局监察科'], domains: ['工时及休息休假', '劳动合同', '建筑领域'] },
  { name: '市社保中心', aliases: ['社保中心', '市社会保险中心', '社会保险中心', '市社会保险服务中心'], domains: ['社会保险'] },
  {
    name: '市劳动保障监察支队',
    aliases: ['监察支队', '劳动保障监察支队', '市监察支队'],
    domains: ['拖欠工资', '违法用工', '劳动保障诚信等级评价'],
  },
  { name: '就业局', aliases: ['市就业局', '市公共就业服务局'], domains: ['就业'] },
  { name: '创业担保中心', aliases: ['市创业担保中心', '创业担保贷款中心', '市创业担保贷款中心'], domains: ['小额贷款'] },
  { name: '考试中心', aliases: ['市考试中心', '人事考试中心', '市人事考试中心'], domains: ['招录考试'] },
];

/** A matrix ready for look-ups; built once from the built-in table and config. */
export class Matrix {
  readonly departments: readonly DepartmentDef[];
  readonly domains: readonly DomainDef[];
  private readonly departmentIndex = new Map<string, DepartmentDef>();
  private readonly domainIndex = new Map<string, DomainDef>();
  private readonly departmentOrder = new Map<string, number>();
  private readonly domainOrder = new Map<string, number>();

  constructor(departments: readonly DepartmentDef[], domains: readonly DomainDef[]) {
    this.departments = departments;
    this.domains = domains;
    departments.forEach((d, i) => {
      this.departmentOrder.set(d.name, i);
      for (const n of [d.name, ...d.aliases]) {
        const key = foldDepartment(n);
        if (!this.departmentIndex.has(key)) this.departmentIndex.set(key, d);
      }
    });
    // Domains in matrix order: the order in which departments list them, then any others.
    const ordered: string[] = [];
    for (const d of departments) for (const dom of d.domains) if (!ordered.includes(dom)) ordered.push(dom);
    for (const dom of domains) if (!ordered.includes(dom.name)) ordered.push(dom.name);
    for (const [i, name] of ordered.entries()) this.domainOrder.set(name, i);
    for (const dom of domains) {
      for (const n of [dom.name, ...dom.aliases]) {
        const key = foldKey(n);
        if (!this.domainIndex.has(key)) this.domainIndex.set(key, dom);
      }
    }
  }

  /**
   * A department by any of its names. Covers often write the full name (新乡市人社局就业办,
   * 新乡市就业办): the bureau's and the city's name in front are tried away, and 市 in front is tried
   * both ways.
   */
  resolveDepartment(raw: string): DepartmentDef | undefined {
    const key = foldDepartment(raw);
    const hit = this.departmentIndex.get(key);
    if (hit) return hit;
    for (const prefix of this.prefixes) {
      if (key.startsWith(prefix) && key.length > prefix.length) {
        const rest = key.slice(prefix.length);
        const found = this.departmentIndex.get(rest) ?? this.departmentIndex.get(rest.startsWith('市') ? rest.slice(1) : `市${rest}`);
        if (found) return found;
      }
    }
    return this.departmentIndex.get(key.startsWith('市') ? key.slice(1) : `市${key}`);
  }

  /** Names a cover may put before the department's own: the bureau's, the city's. */
  private prefixes: string[] = [
    '新乡市人力资源和社会保障局',
    '新乡市人社局',
    '市人力资源和社会保障局',
    '市人社局',
    '人社局',
    '新乡市',
    '新乡',
  ].map(foldKey);

  /** The bureau's own name from config is a prefix too. */
  addPrefix(name: string): void {
    const f = foldKey(name);
    if (f && !this.prefixes.includes(f)) this.prefixes.unshift(f);
  }

  /** A domain by any of its names; 劳务派遣领域 and 劳务派遣方面 are 劳务派遣 when that is a domain. */
  readonly resolveDomain = memoByText((raw: string): DomainDef | undefined => {
    const key = foldKey(raw);
    return this.domainIndex.get(key) ?? this.domainIndex.get(key.replace(/(?:领域|方面|类)$/, '')) ?? this.domainIndex.get(`${key}领域`);
  });

  departmentRank(name: string | undefined): number {
    return name === undefined ? Number.MAX_SAFE_INTEGER : (this.departmentOrder.get(name) ?? this.departments.length);
  }

  domainRank(name: string): number {
    return this.domainOrder.get(name) ?? this.domainOrder.size;
  }

  allows(department: DepartmentDef, domain: string): boolean {
    return department.domains.includes(domain);
  }

  /** The departments responsible for a domain (for a finding's hint). */
  departmentsFor(domain: string): string[] {
    return this.departments.filter((d) => d.domains.includes(domain)).map((d) => d.name);
  }
}

export interface MatrixConfig {
  mode?: 'extend' | 'replace' | undefined;
  departments?: DepartmentDef[] | undefined;
  domains?: DomainDef[] | undefined;
}

/** Config over the built-in table: `extend` merges by name (aliases and domains added), `replace` starts empty. */
export function buildMatrix(config?: MatrixConfig): Matrix {
  if (!config) return new Matrix(BUILTIN_DEPARTMENTS, BUILTIN_DOMAINS);
  const replace = config.mode === 'replace';
  const departments: DepartmentDef[] = replace ? [] : BUILTIN_DEPARTMENTS.map((d) => ({ ...d }));
  const domains: DomainDef[] = replace ? [] : BUILTIN_DOMAINS.map((d) => ({ ...d }));
  for (const dom of config.domains ?? []) {
    const at = domains.findIndex((d) => d.name === dom.name);
    if (at >= 0) {
      const old = domains[at] as DomainDef;
      domains[at] = { name: old.name, aliases: [...new Set([...old.aliases, ...dom.aliases])] };
    } else domains.push({ name: dom.name, aliases: [...dom.aliases] });
  }
  for (const dep of config.departments ?? []) {
    const at = departments.findIndex((d) => d.name === dep.name);
    if (at >= 0) {
      const old = departments[at] as DepartmentDef;
      departments[at] = {
        name: old.name,
        aliases: [...new Set([...old.aliases, ...dep.aliases])],
        ...((dep.authority ?? old.authority) ? { authority: dep.authority ?? old.authority } : {}),
        domains: [...new Set([...old.domains, ...dep.domains])],
      };
    } else departments.push({ ...dep });
    // A domain named only by a department is still a domain.
    for (const name of dep.domains) if (!domains.some((d) => d.name === name)) domains.push({ name, aliases: [] });
  }
  if (replace) keepBuiltInAliases(domains);
  return new Matrix(departments, domains);
}

/**
 * `replace` replaces who submits what, not the words for a domain: a domain the config keeps by a built-in name
 * (拖欠工资) still reads the spellings submission.md lists for it (拖欠农民工工资, 工资拖欠), unless the config
 * uses that word for a domain of its own.
 */
function keepBuiltInAliases(domains: DomainDef[]): void {
  const taken = new Set(domains.flatMap((d) => [d.name, ...d.aliases].map(foldKey)));
  for (const [i, dom] of domains.entries()) {
    const builtIn = BUILTIN_DOMAINS.find((d) => d.name === dom.name);
    if (!builtIn) continue;
    const extra = builtIn.aliases.filter((a) => !taken.has(foldKey(a)));
    for (const a of extra) taken.add(foldKey(a));
    if (extra.length > 0) domains[i] = { name: dom.name, aliases: [...dom.aliases, ...extra] };
  }
}
