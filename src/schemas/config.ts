/** hrss-credit.config.json (workspace.md): every key optional, validated on load. */
import { z } from 'zod';
import { MeasuresConfigSchema } from './measures.js';
import { suggest } from '../domain/suggest.js';
import { checkCreditCode, normaliseCreditCode } from '../domain/credit-code.js';
import { MAX_NAME_LENGTH, nameProblem, RESERVED_KEYS } from './names.js';

/** A name used as a folder or a key (schemas/names.ts); the issue's params carry the problem for the catalogue. */
const name = z
  .string()
  .min(1)
  .superRefine((v, ctx) => {
    const problem = nameProblem(v);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem,
        params: { problem, ...(problem === 'nameTooLong' ? { limit: MAX_NAME_LENGTH } : {}) },
      });
  });

/**
 * workspace.md's example writes `"creditCode": "11410700…"`: a place for the bureau's code, pasted as it stands.
 * That (a value ending in … or ...) is no code: the default, none. Any other value is the bureau's 统一社会信用代码,
 * exported as 数据来源单位统一社会信用代码 in every file the credit office receives: checked like a list's code.
 */
function isPlaceholder(v: string): boolean {
  return /(?:…|\.\.\.)$/.test(v.trim());
}

const bureauCreditCode = z
  .string()
  .superRefine((v, ctx) => {
    if (v.trim() === '' || isPlaceholder(v) || checkCreditCode(normaliseCreditCode(v.trim())).ok) return;
    ctx.addIssue({ code: 'custom', message: 'creditCode', params: { problem: 'creditCode' } });
  })
  .transform((v) => (isPlaceholder(v) ? '' : normaliseCreditCode(v.trim())))
  .default('');

const severityOverride = z.enum(['error', 'warning', 'info', 'off']);

const departmentSchema = z.strictObject({
  name,
  aliases: z.array(name).default([]),
  authority: z.string().min(1).optional(),
  domains: z.array(name).default([]),
});

const domainSchema = z.strictObject({ name, aliases: z.array(name).default([]) });

export const LimitsSchema = z.strictObject({
  maxFileBytes: z.number().int().positive().default(104_857_600),
  maxUnzippedBytes: z.number().int().positive().default(1_073_741_824),
  maxZipRatio: z.number().positive().default(200),
  maxRows: z.number().int().positive().default(2_000_000),
  maxColumns: z.number().int().positive().default(200),
  maxCellChars: z.number().int().positive().default(32_767),
  maxAttachmentBytes: z.number().int().positive().default(20_971_520),
  /** Findings of one code kept per file; the rest are only counted (docs/decisions.md). */
  maxFindingsPerCode: z.number().int().positive().default(1_000),
  /** Entries in one zip: a workbook's parts, a department's zip submission (department.md). */
  maxZipEntries: z.number().int().positive().default(10_000),
  /** Element nesting in any xlsx part (a sheet is 4 deep; deep nesting exhausts the parser's stack of open tags). */
  maxXmlDepth: z.number().int().positive().default(64),
  /** Entries of the shared-string table (five distinct texts per row at maxRows). */
  maxSharedStrings: z.number().int().positive().default(10_000_000),
  /** Characters of the whole shared-string table (2 bytes each at most in memory: 256 MB). */
  maxSharedStringChars: z.number().int().positive().default(134_217_728),
  /** Sheets a workbook may declare (Excel's own default cap is 255 per new workbook). */
  maxSheets: z.number().int().positive().default(255),
});
export type Limits = z.infer<typeof LimitsSchema>;
export const DEFAULT_LIMITS: Limits = LimitsSchema.parse({});

/** 机关代字〔年份〕序号: the bureau sets its own 代字 in config (objections.letterNumber). */
export const DEFAULT_LETTER_NUMBER = '新人社函〔{year}〕{n}号';

/** Everything but which codes `severity` may name: see makeConfigSchema. */
const keptPackages = z.strictObject({ keepReplaced: z.number().int().min(0).max(100).default(3) });

const BaseConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  bureau: z
    .strictObject({
      name: z.string().min(1).default('新乡市人力资源和社会保障局'),
      creditCode: bureauCreditCode,
      divisionCode: z
        .string()
        .regex(/^\d{6}$/)
        .default('410700'),
    })
    .default({ name: '新乡市人力资源和社会保障局', creditCode: '', divisionCode: '410700' }),
  lang: z.enum(['zh-CN', 'en']).optional(),
  /** Who writes to the register when neither --by nor HRSS_CREDIT_USER says (register.md). */
  clerk: z.string().min(1).optional(),
  matrix: z
    .strictObject({
      mode: z.enum(['extend', 'replace']).default('extend'),
      departments: z.array(departmentSchema).default([]),
      domains: z.array(domainSchema).default([]),
    })
    .optional(),
  publication: z
    .strictObject({
      maxYears: z.number().int().min(1).max(50).default(3),
      domainMaxYears: z.record(name, z.strictObject({ years: z.number().int().min(1).max(100), basis: z.string().optional() })).default({}),
      // An ID number is 6 region digits, 8 birth-date digits, 4 more (GB 11643-1999): the birth date
      // stays hidden only if at most the 6 in front and the 4 at the end are shown.
      maskRule: z
        .strictObject({ keepStart: z.number().int().min(0).max(6), keepEnd: z.number().int().min(0).max(4) })
        .default({ keepStart: 6, keepEnd: 4 }),
    })
    .default({ maxYears: 3, domainMaxYears: {}, maskRule: { keepStart: 6, keepEnd: 4 } }),
  submission: z
    .strictObject({
      deadline: z
        .string()
        .regex(/^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$/)
        .default('P10D'),
    })
    .default({ deadline: 'P10D' }),
  severity: z.record(z.string(), severityOverride).default({}),
  limits: LimitsSchema.default(DEFAULT_LIMITS),
  export: z
    .strictObject({
      template: z.string().min(1).optional(),
      csvEncoding: z.enum(['utf8-bom', 'utf8', 'gb18030']).default('utf8-bom'),
    })
    .default({ csvEncoding: 'utf8-bom' }),
  /** workspace.md's key: how many replaced packages (full ID numbers) compile keeps. */
  packages: keptPackages.optional(),
  /** The key as this tool first read it (singular), still read; `packages` wins when both are there. */
  package: keptPackages.optional(),
  objections: z
    .strictObject({
      /** §四(三): the bureau answers an objection within 3 working days. */
      workingDays: z.number().int().min(1).default(3),
      /** 河南省社会信用条例 第四十一条: 7 working days when the data provider must verify (--provider-check). */
      providerCheckDays: z.number().int().min(1).default(7),
      /** The letter's 发文字号 (GB/T 9704-2012 §7.2.4) when `--number` gives none: {year} and {n} from the objection's number. */
      letterNumber: z.string().min(1).default(DEFAULT_LETTER_NUMBER),
    })
    .default({ workingDays: 3, providerCheckDays: 7, letterNumber: DEFAULT_LETTER_NUMBER }),
  calendar: z.strictObject({ extraFile: z.string().optional() }).default({}),
  creditCode: z.strictObject({ allow: z.array(z.string()).default([]) }).default({ allow: [] }),
  /** 联合奖惩措施清单: the entries, or a workspace-relative JSON file (department.md "Joint measures"). */
  measures: MeasuresConfigSchema.optional(),
});

/**
 * The settings file's schema, given the finding codes that `severity` may name (diagnostics/codes.ts
 * ALL_CODES): passed in, because diagnostics/ names schema keys and so sits above schemas/. The
 * instance with every code is io/workspace/workspace.ts ConfigSchema. `extend` keeps the key's place, so issues
 * come in the same order.
 */
export function makeConfigSchema(codes: readonly string[]) {
  return BaseConfigSchema.extend({
    severity: z
      .record(z.string(), severityOverride)
      .superRefine((rec, ctx) => {
        for (const key of Object.keys(rec)) {
          if (codes.includes(key) && !RESERVED_KEYS.has(key)) continue;
          const suggestion = suggest(key, codes);
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'unknownCode',
            params: { problem: 'unknownCode', ...(suggestion ? { suggestion } : {}) },
          });
        }
      })
      .default({}),
  });
}

export type Config = z.infer<typeof BaseConfigSchema>;
export const DEFAULT_CONFIG: Config = BaseConfigSchema.parse({});

/** How many replaced packages compile keeps: `packages.keepReplaced` (workspace.md), else `package.…`, else 3. */
export function keepReplacedOf(config: Pick<Config, 'packages' | 'package'>): number {
  return config.packages?.keepReplaced ?? config.package?.keepReplaced ?? 3;
}
