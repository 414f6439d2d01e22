/**
 * The command line: flags → API options → reporter. Returns the exit code; only bin/ sets it.
 * Heavy modules (readers, writers, zod) are imported when a command runs, so that `--help` starts fast.
 */
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, type Help, InvalidArgumentError, Option, type Argument } from 'commander';
import { Chalk, type ChalkInstance } from 'chalk';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMessages, parseLang, type Lang, type Messages } from '../messages/render.js';
import { ToolError, toolErrorOf } from '../diagnostics/tool-error.js';
import { displayWidth } from '../reporters/wrap.js';
import { readRegularFile, readRegularOn } from '../io/json-file.js';
import { TOOL_VERSION } from '../version.js';
import { noteInterruptedCommit } from './interrupt-note.js';
import { registerUi } from '../messages/register-ui.js';
import { objectionUi } from '../messages/objection-ui.js';
import { schemaUi } from '../messages/schema-ui.js';
import type { CliIo, CommandEnv, GlobalFlags } from './env.js';
import { planLaunch } from './launch.js';
import { launchUi } from '../messages/launch.js';
import { pageText } from '../messages/page.js';
import { sanitisingSink } from '../reporters/sink.js';
import { optionValue } from './argv.js';
import { listenUnexpected } from '../diagnostics/unexpected.js';
import { redactIdNumbers } from '../domain/mask.js';
import { dropPrimedRead, primeRegisterRead } from './register-prime.js';

export type { CliIo, CommandEnv, GlobalFlags };

// A small young generation: validating makes only short-lived garbage per row, and the default
// 16 MB semi-spaces (in the main thread and the CSV worker alike) added ~30 MB of peak memory on a
// million-row file for no measurable speed (bench/RESULTS.md). Set before anything large is allocated.
setFlagsFromString('--max-semi-space-size=4');

/** --max-findings N: a whole number of at least 1. */
function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(value);
  return n;
}

function collectCodes(value: string, previous: string[]): string[] {
  return previous.concat(value.split(/[,，\s]+/).filter(Boolean));
}

/** The language before commander parses: --lang, HRSS_CREDIT_LANG, the workspace config, else Chinese. */
export function preLang(argv: string[], io: CliIo): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--lang') return parseLang(argv[i + 1]) ?? 'zh-CN';
    if (a.startsWith('--lang=')) return parseLang(a.slice(7)) ?? 'zh-CN';
  }
  const env = parseLang(io.env.HRSS_CREDIT_LANG);
  if (env) return env;
  // Only a regular file of at most 1 MB: a FIFO or /dev/zero as the config must not hang the start.
  const langOf = (f: string): Lang =>
    parseLang(
      (
        JSON.parse(new TextDecoder().decode(io.fs ? readRegularOn(io.fs, f) : readRegularFile(f)).replace(/^\uFEFF/, '')) as {
          lang?: string;
        }
      ).lang,
    ) ?? 'zh-CN';
  try {
    const config = optionValue(argv, '--config');
    if (config) return langOf(resolve(io.cwd, config));
    const workspace = optionValue(argv, '--workspace', '-w');
    let dir = workspace ? join(io.cwd, workspace) : io.cwd;
    if (workspace && /^(?:[A-Za-z]:)?[\\/]/.test(workspace)) dir = workspace;
    for (let i = 0; i < 6; i++) {
      const f = join(dir, 'hrss-credit.config.json');
      if (io.fs ? io.fs.exists(f) : existsSync(f)) return langOf(f);
      const up = join(dir, '..');
      if (up === dir) break;
      dir = up;
    }
  } catch {
    // An unreadable config is reported by the command that loads it.
  }
  return 'zh-CN';
}

function wantsJson(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--format' && argv[i + 1] === 'json') return true;
    if (argv[i] === '--format=json') return true;
  }
  return false;
}

/** Help in the chosen language: commander's layout with our own titles. */
function localisedHelp(m: Messages): Partial<Help> {
  const h = m.ui.help;
  return {
    // commander appends "(default: …)" and "(choices: …)" in English; the descriptions say it themselves.
    optionDescription: (o: Option) => o.description,
    formatHelp(cmd: Command, helper: Help): string {
      // Padding by display width: a Chinese character takes two columns.
      const tr = (t: string): string => t.replace('[options]', h.optionsToken).replace('[command]', h.commandToken);
      const terms = [
        ...helper.visibleArguments(cmd).map((a: Argument) => helper.argumentTerm(a)),
        ...helper.visibleOptions(cmd).map((o: Option) => helper.optionTerm(o)),
        ...helper.visibleCommands(cmd).map((c: Command) => tr(helper.subcommandTerm(c))),
      ];
      const width = Math.max(0, ...terms.map(displayWidth));
      const item = (term: string, desc: string): string =>
        desc ? `  ${term}${' '.repeat(width + 2 - displayWidth(term))}${desc}` : `  ${term}`;
      const usage = tr(helper.commandUsage(cmd));
      const out: string[] = [`${h.usage} ${usage}`, ''];
      const desc = helper.commandDescription(cmd);
      if (desc) out.push(desc, '');
      const args = helper.visibleArguments(cmd).map((a: Argument) => item(helper.argumentTerm(a), helper.argumentDescription(a)));
      if (args.length) out.push(h.arguments, ...args, '');
      const opts = helper.visibleOptions(cmd).map((o: Option) => item(helper.optionTerm(o), helper.optionDescription(o)));
      if (opts.length) out.push(h.options, ...opts, '');
      const cmds = helper.visibleCommands(cmd).map((c: Command) => item(tr(helper.subcommandTerm(c)), helper.subcommandDescription(c)));
      if (cmds.length) out.push(h.commands, ...cmds, '');
      return out.join('\n');
    },
  };
}

function addCommon(cmd: Command, m: Messages): Command {
  const o = m.ui.help.opt;
  return cmd
    .option('-w, --workspace <dir>', o.workspace)
    .option('--config <file>', o.config)
    .addOption(new Option('--format <format>', o.format).choices(['pretty', 'json']))
    .addOption(new Option('--lang <lang>', o.lang))
    .option('--today <date>', o.today)
    .option('--strict', o.strict)
    .option('--ignore <codes>', o.ignore, collectCodes, [] as string[])
    .option('-q, --quiet', o.quiet)
    .option('--debug', o.debug)
    .option('--no-color', o.noColor)
    .option('--ascii', o.ascii)
    .option('--max-findings <n>', o.maxFindings, positiveInt)
    .helpOption('-h, --help', m.ui.help.helpOption);
}

/** Commander's English error as data for the catalogue (kind, option or argument, value, choices, suggestion). */
function usageArgs(err: CommanderError): Record<string, string | number> {
  const msg = err.message.replace(/^error: /, '');
  const quoted = [...msg.matchAll(/'([^']+)'/g)].map((q) => q[1] as string);
  // '--to <dir>' and '-w, --workspace <dir>' are named by their long flag.
  const flag = (s = ''): string => /--[\w-]+/.exec(s)?.[0] ?? s.split(/[ ,]/)[0] ?? s;
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(msg)?.[1];
  const more: Record<string, string> = suggestion ? { suggestion } : {};
  switch (err.code) {
    case 'commander.unknownOption':
      return { kind: 'unknownOption', name: quoted[0] ?? '', ...more };
    case 'commander.unknownCommand':
      return { kind: 'unknownCommand', name: quoted[0] ?? '', ...more };
    case 'commander.missingArgument':
      return { kind: 'missingArgument', name: quoted[0] ?? '' };
    case 'commander.excessArguments':
      return { kind: 'excessArguments' };
    case 'commander.optionMissingArgument':
      return { kind: 'optionMissingArgument', name: flag(quoted[0]) };
    case 'commander.missingMandatoryOptionValue':
      return { kind: 'missingOption', name: flag(quoted[0]) };
    case 'commander.invalidArgument': {
      // A choice (--format, --audience) names its choices; the only parsed value is --max-findings.
      const allowed = /Allowed choices are (.+)\.$/.exec(msg)?.[1];
      return allowed !== undefined
        ? { kind: 'invalidChoice', name: flag(quoted[0]), value: quoted[1] ?? '', allowed }
        : { kind: 'notPositiveInt', name: flag(quoted[0]), value: quoted[1] ?? '' };
    }
    case 'commander.help':
      return { kind: 'noCommand' };
    default:
      return { kind: 'other', detail: msg };
  }
}

/** Values commander accepts as text but the tool does not: --lang, --ignore codes (exit 2 with a suggestion). */
async function checkFlags(flags: GlobalFlags): Promise<void> {
  if (flags.lang !== undefined && !parseLang(flags.lang)) {
    throw new ToolError('USAGE', { kind: 'invalidChoice', name: '--lang', value: flags.lang, allowed: 'zh-CN, en' });
  }
  if (flags.ignore.length === 0) return;
  const { ALL_CODES, isCode } = await import('../diagnostics/codes.js');
  const { suggest } = await import('../domain/suggest.js');
  for (const code of flags.ignore) {
    // Codes are SCREAMING_SNAKE: a lower-case code is a typo to be told about, not guessed at.
    if (isCode(code)) continue;
    const suggestion = suggest(code, ALL_CODES);
    throw new ToolError('USAGE', { kind: 'unknownCode', name: '--ignore', value: code, ...(suggestion ? { suggestion } : {}) });
  }
}

/** A command's handler, loaded when the command runs (so that `--help` starts fast). */
type Handler = (env: CommandEnv, ...args: never[]) => Promise<number>;
/** Wraps a handler as commander's action: `name` is what failures are reported under. */
type ActionFor = (name: string, load: () => Promise<Handler>) => (...args: unknown[]) => Promise<void>;

/** The terminal: every line through one sanitising sink (reporters/sink.ts), colour as NO_COLOR/FORCE_COLOR/TTY say. */
function terminal(argv: string[], rawIo: CliIo): { io: CliIo; chalk: ChalkInstance } {
  let colourOn = false;
  const io: CliIo = {
    ...rawIo,
    stdout: sanitisingSink(rawIo.stdout, () => colourOn),
    stderr: sanitisingSink(rawIo.stderr, () => colourOn),
  };
  const noColor = (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') || argv.includes('--no-color');
  const forceColor = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const chalk = new Chalk({ level: noColor ? 0 : forceColor || io.stdout.isTTY ? 1 : 0 });
  colourOn = chalk.level > 0;
  return { io, chalk };
}

/** The program itself, its help in the chosen language, its output through the terminal. */
function newProgram(m: Messages, io: CliIo): Command {
  return new Command('hrss-credit')
    .description(m.ui.help.program)
    .version(TOOL_VERSION, '-V, --version', m.ui.help.versionOption)
    .helpOption('-h, --help', m.ui.help.helpOption)
    .helpCommand('help [command]', m.ui.help.helpCommand)
    .configureHelp(localisedHelp(m))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    });
}

/**
 * What a command runs with. The common options are on the program and on every command, so they may
 * come before or after the command's name: a value given on the command line wins over a default,
 * --ignore adds up.
 */
async function commandEnv(program: Command, cmd: Command, io: CliIo, m: Messages, chalk: ChalkInstance): Promise<CommandEnv> {
  const local = cmd.opts() as Record<string, unknown>;
  const root = program.opts() as Record<string, unknown>;
  const given = (c: Command, k: string): boolean => ['cli', 'env'].includes(c.getOptionValueSource(k) ?? '');
  const merged: Record<string, unknown> = { ...local };
  for (const [k, v] of Object.entries(root)) if (!given(cmd, k) && (given(program, k) || merged[k] === undefined)) merged[k] = v;
  merged.ignore = [...((root.ignore as string[] | undefined) ?? []), ...((local.ignore as string[] | undefined) ?? [])];
  const flags = merged as unknown as GlobalFlags;
  flags.format ??= 'pretty';
  const lang = flags.lang ? (parseLang(flags.lang) ?? m.lang) : m.lang;
  const messages = lang === m.lang ? m : await loadMessages(lang);
  const today = flags.today ?? io.env.HRSS_CREDIT_TODAY;
  const common = {
    cwd: io.cwd,
    ignore: flags.ignore ?? [],
    ...(flags.workspace ? { workspace: flags.workspace } : {}),
    ...(flags.config ? { config: flags.config } : {}),
    ...(today ? { today } : {}),
    ...(flags.strict ? { strict: true } : {}),
    ...(io.fs ? { io: io.fs } : {}),
  };
  return { io, flags, m: messages, chalk, width: io.stdout.columns ?? 120, common };
}

/** The quarter's commands and the reference ones: validate … calendar. */
function declareQuarterCommands(program: Command, m: Messages, action: ActionFor): void {
  const h = m.ui.help;
  const o = h.opt;
  addCommon(program.command('validate').description(h.validate).argument('<paths...>', h.validatePaths), m)
    .option('--department <name>', o.department)
    .option('--quarter <quarter>', o.quarter)
    .option('--annotate [dir]', m.ui.forms.help.annotate)
    .action(action('validate', async () => (await import('./commands/validate.js')).validateCommand));
  addCommon(program.command('compile').description(h.compile).argument('<quarter>', h.compileQuarter), m)
    .option('--dry-run', o.dryRun)
    .option('--force', o.force)
    .option('--zip', o.zip)
    .option('--out <dir>', o.out)
    .option('--template <file>', o.template)
    .action(action('compile', async () => (await import('./commands/compile.js')).compileCommand));
  addCommon(program.command('export').description(h.exportCmd).argument('<target>', h.exportTarget), m)
    .requiredOption('--to <dir>', o.to)
    .option('--force', o.force)
    .option('--template <file>', o.template)
    .addOption(new Option('--audience <audience>', o.audience).choices(['public', 'sharing']))
    .action(action('export', async () => (await import('./commands/export.js')).exportCommand));
  addCommon(program.command('verify').description(h.verify).argument('<dir>', h.verifyDir), m).action(
    action('verify', async () => (await import('./commands/verify.js')).verifyCommand),
  );
  addCommon(program.command('status').description(h.status).argument('<quarter>', h.statusQuarter), m).action(
    action('status', async () => (await import('./commands/status.js')).statusCommand),
  );
  addCommon(program.command('rules').description(h.rules).argument('[code]', h.rulesCode), m).action(
    action('rules', async () => (await import('./commands/info.js')).rulesCommand),
  );
  const fh = m.ui.forms.help;
  addCommon(program.command('template').description(fh.template).argument('[department]', fh.templateDepartment), m)
    .option('--all', fh.all)
    .option('--quarter <quarter>', fh.quarter)
    .option('--out <file>', fh.outFile)
    .action(action('template', async () => (await import('./commands/template.js')).templateCommand));
  addCommon(program.command('measures').description(fh.measures), m)
    .option('--department <name>', o.department)
    .action(action('measures', async () => (await import('./commands/measures.js')).measuresCommand));
  addCommon(program.command('matrix').description(h.matrix), m).action(
    action('matrix', async () => (await import('./commands/info.js')).matrixCommand),
  );
  const sh = schemaUi(m.lang).help;
  addCommon(program.command('schema').description(sh.schema).argument('[name]', sh.name), m).action(
    action('schema', async () => (await import('./commands/schema.js')).schemaCommand),
  );
  addCommon(program.command('supervise').description(h.supervise).argument('<year>', h.superviseYear), m)
    .option('--xlsx <file>', o.xlsx)
    .action(action('supervise', async () => (await import('./commands/supervise.js')).superviseCommand));
  addCommon(program.command('report').description(h.report).argument('<target>', h.reportTarget), m)
    .option('--out <file>', o.reportOut)
    .action(action('report', async () => (await import('./commands/report.js')).reportCommand));
  const ph = pageText(m.lang).help;
  addCommon(program.command('page').description(ph.page), m)
    .option('--out <file>', ph.out)
    .action(action('page', async () => (await import('./commands/page.js')).pageCommand));
  addCommon(program.command('calendar').description(h.calendar).argument('[year]', h.calendarYear), m).action(
    action('calendar', async () => (await import('./commands/calendar.js')).calendarCommand),
  );
}

function declareRegisterCommands(program: Command, m: Messages, action: ActionFor): void {
  const h = m.ui.help;
  // The register (register.md): publish, register verify|repair|list|show, diff.
  const ru = registerUi(m.lang).help;
  const reg = async () => import('./commands/register.js');
  addCommon(program.command('publish').description(ru.publish).argument('<batch>', ru.publishBatch), m)
    .option('--on <date>', ru.on)
    .option('--by <name>', ru.by)
    .action(action('publish', async () => (await reg()).publishCommand));
  const register = program.command('register').description(ru.register).helpOption('-h, --help', h.helpOption);
  addCommon(register.command('verify').description(ru.verify), m)
    .option('--head <seq:hash>', ru.head)
    .action(action('register verify', async () => (await reg()).registerVerifyCommand));
  addCommon(register.command('repair').description(ru.repair), m)
    .option('--by <name>', ru.by)
    .action(action('register repair', async () => (await reg()).registerRepairCommand));
  addCommon(register.command('list').description(ru.list), m)
    .addOption(new Option('--status <status>', ru.status).choices(['active', 'expired', 'removed', 'all']))
    .option('--on <date>', ru.listOn)
    .option('--department <name>', ru.department)
    .addOption(new Option('--list <type>', ru.list_).choices(['red', 'black']))
    .option('--expiring-before <date>', ru.expiringBefore)
    .option('--find <text>', ru.find)
    .option('--full', ru.full)
    .option('--xlsx <file>', ru.xlsx)
    .action(action('register list', async () => (await reg()).registerListCommand));
  addCommon(register.command('import').description(ru.importCmd).argument('<files...>', ru.importFiles), m)
    .requiredOption('--batch <batch>', ru.importBatch)
    .requiredOption('--published-on <date>', ru.publishedOn)
    .option('--department <name>', ru.importDepartment)
    .option('--by <name>', ru.by)
    .action(action('register import', async () => (await reg()).registerImportCommand));
  addCommon(register.command('note').description(ru.note).argument('<text>', ru.noteText), m)
    .option('--id <id>', ru.noteId, (v: string, prev: string[]) => prev.concat(v), [] as string[])
    .option('--by <name>', ru.by)
    .action(action('register note', async () => (await reg()).registerNoteCommand));
  addCommon(register.command('show').description(ru.show).argument('<query>', ru.showQuery), m)
    .option('--on <date>', ru.listOn)
    .option('--full', ru.full)
    .action(action('register show', async () => (await reg()).registerShowCommand));
  addCommon(program.command('diff').description(ru.diff).argument('<a>', ru.diffA).argument('<b>', ru.diffB), m)
    .option('--full', ru.full)
    .action(action('diff', async () => (await reg()).diffCommand));
}

function declareObjectionCommands(program: Command, m: Messages, action: ActionFor): void {
  const h = m.ui.help;
  const ru = registerUi(m.lang).help;
  // Objections (objections.md): objection add|list|resolve|letter.
  const ou = objectionUi(m.lang).help;
  const obj = async () => import('./commands/objection.js');
  const objection = program.command('objection').description(ou.objection).helpOption('-h, --help', h.helpOption);
  addCommon(objection.command('add').description(ou.add), m)
    .requiredOption('--received <date>', ou.received)
    .requiredOption('--from <name>', ou.from)
    .requiredOption('--summary <text>', ou.summary)
    .option('--record <id>', ou.record)
    .option('--subject <code|id|name>', ou.subject)
    .option('--channel <channel>', ou.channel)
    .option('--provider-check', ou.providerCheck)
    .option('--by <name>', ru.by)
    .action(action('objection add', async () => (await obj()).objectionAddCommand));
  addCommon(objection.command('list').description(ou.list), m)
    .option('--open', ou.open)
    .option('--overdue', ou.overdue)
    .option('--all', ou.all)
    .option('--year <year>', ou.year)
    .action(action('objection list', async () => (await obj()).objectionListCommand));
  addCommon(objection.command('resolve').description(ou.resolve).argument('<number>', ou.number), m)
    .requiredOption('--outcome <outcome>', ou.outcome)
    .requiredOption('--opinion <text>', ou.opinion)
    .option('--on <date>', ou.on)
    .option('--by <name>', ru.by)
    .action(action('objection resolve', async () => (await obj()).objectionResolveCommand));
  addCommon(objection.command('letter').description(ou.letter).argument('<number>', ou.number), m)
    .option('--out <file>', ou.out)
    .option('--number <text>', ou.docNumber)
    .option('--finding <text>', ou.finding)
    .action(action('objection letter', async () => (await obj()).objectionLetterCommand));
}

/** A usage error (exit 2) as commander or a command reported it; 0 for --help and --version. */
async function reportUsage(
  usage: CommanderError | ToolError,
  m: Messages,
  io: CliIo,
  json: boolean,
  command: string,
  chalk: ChalkInstance,
) {
  if (
    usage instanceof CommanderError &&
    (usage.code === 'commander.helpDisplayed' ||
      usage.code === 'commander.version' ||
      (usage.code === 'commander.help' && usage.exitCode === 0))
  )
    return 0;
  const args = usage instanceof CommanderError ? usageArgs(usage) : usage.args;
  if (json) {
    const { toJsonError, formatJson } = await import('../reporters/json.js');
    io.stdout.write(formatJson(toJsonError(command, new ToolError('USAGE', args), m)));
  } else {
    const helpLine = `${m.ui.help.usage} hrss-credit ${command ? `${command} ` : ''}--help`;
    io.stderr.write(`${chalk.red(`${m.ui.error}:`)} ${m.ui.usage(args)}\n${helpLine}\n`);
  }
  return 2;
}

export async function run(argv: string[], rawIo: CliIo): Promise<number> {
  const { io, chalk } = terminal(argv, rawIo);
  const m = await loadMessages(preLang(argv, io));
  const json = wantsJson(argv);
  const ran = { command: '', exitCode: 0 };
  const program = newProgram(m, io);
  const action: ActionFor =
    (name, load) =>
    async (...args) => {
      ran.command = name;
      const env = await commandEnv(program, args[args.length - 1] as Command, io, m, chalk);
      // --debug: what was noticed and gone on from (a descriptor closed twice) is written on stderr, never a crash.
      listenUnexpected(env.flags.debug ? (u) => env.io.stderr.write(`${env.m.ui.debugNoticed(u.where, u.code, u.message)}\n`) : null);
      await checkFlags(env.flags);
      const handler = await load();
      try {
        // A read-only register command's log read first, a pause at a time: a Ctrl-C ends it at once (register-prime.ts).
        await primeRegisterRead(env, name, args[args.length - 2]);
        ran.exitCode = await handler(env, ...(args.slice(0, -1) as never[]));
      } finally {
        dropPrimedRead();
        noteInterruptedCommit(env);
      }
    };
  addCommon(program, m);
  declareQuarterCommands(program, m, action);
  declareRegisterCommands(program, m, action);
  declareObjectionCommands(program, m, action);

  try {
    // A path with no command, a double-click, cmd.exe's swallowed options (cli/launch.ts).
    const plan = planLaunch(argv, new Set([...program.commands.map((c) => c.name()), 'help']), io.cwd, io.env);
    if (plan.kind === 'doubleClick') {
      io.stdout.write(launchUi(m.lang).doubleClick(TOOL_VERSION));
      return 0;
    }
    argv = plan.argv;
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return ran.exitCode;
  } catch (err) {
    if (!ran.command) {
      // The command as its documents name it: a subcommand with its parent (`register list`), as the action sets it.
      const known = new Set(program.commands.map((c) => c.name()));
      const at = argv.findIndex((a) => known.has(a));
      const top = at < 0 ? undefined : program.commands.find((c) => c.name() === argv[at]);
      const subs = new Set(top?.commands.map((c) => c.name()) ?? []);
      const sub = subs.size > 0 ? argv.slice(at + 1).find((a) => subs.has(a)) : undefined;
      ran.command = top === undefined ? '' : sub === undefined ? top.name() : `${top.name()} ${sub}`;
    }
    if (err instanceof CommanderError || (err instanceof ToolError && err.code === 'USAGE' && err.args.kind !== undefined))
      return reportUsage(err, m, io, json, ran.command, chalk);
    return reportFailure(err, m, io, json, ran.command, chalk, argv.includes('--debug'));
  }
}

/** Exit 2: the tool could not do its job. A stack trace only with --debug. */
export async function reportFailure(
  err: unknown,
  m: Messages,
  io: CliIo,
  json: boolean,
  command: string,
  chalk: ChalkInstance,
  debug: boolean,
  platform: string = process.platform,
): Promise<number> {
  const toolErr = toolErrorOf(err);
  const { renderToolError } = await import('../messages/render.js');
  if (json) {
    const { toJsonError, formatJson } = await import('../reporters/json.js');
    io.stdout.write(formatJson(toJsonError(command, toolErr, m)));
  } else {
    // Paths and values in the message are shown, never obeyed (control characters made visible); a path with
    // the platform's separators, as every path on the screen (reporters/screen-path.ts; the JSON keeps `/`).
    const { screenArgs } = await import('../reporters/screen-path.js');
    io.stderr.write(
      `${chalk.red(`${m.ui.error}:`)} ${renderToolError(m, new ToolError(toolErr.code, screenArgs(toolErr.args, platform)))}\n`,
    );
  }
  // The stack's message may quote a value read (a cell, a line of the log): an ID number in it is masked, --debug or not.
  if (debug && err instanceof Error) io.stderr.write(`${redactIdNumbers(err.stack ?? String(err))}\n`);
  else if (!(err instanceof ToolError) && !json) io.stderr.write(`${m.ui.debugHint}\n`);
  return 2;
}
