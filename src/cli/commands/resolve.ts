/**
 * `endtrace resolve auto|candidates|judge|undo|show`: entity resolution (nomenklatura's resolver
 * model) over the store's judgements, thin over the service's resolve use cases. Results on
 * stdout (--json: the shapes in each command's help), progress on stderr.
 */
import type { Command } from 'commander';
import { usageError } from '../../model/index.js';
import { autoResolve, cluster, judge, resolveCandidates, undo } from '../../service/index.js';
import type { CandidateView, ClusterView, JudgementView } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { log, out, printJson, table } from '../output.js';

const VALUES = { same: 'positive', 'not-same': 'negative', unsure: 'unsure' } as const;
type JudgeWord = keyof typeof VALUES;
const WORD = { positive: 'same', negative: 'not-same', unsure: 'unsure' } as const;

const JUDGEMENT_JSON = '{left, right, judgement: "positive"|"negative"|"unsure", origin: "analyst"|"auto", score, user, createdAt, evidence: [string]}';
const CLUSTER_JSON = `{id, canonical, members: [{id, caption, schema, datasets, role: "list"|"record"|"mention"|"missing", keys: ["inn:…"], exists}], judgements: [${JUDGEMENT_JSON}], constraints: [same shape: negative/unsure judgements with other clusters], conflicts: [same shape + reason], missing: [id]}`;

const HELP = {
  auto: `
Links entities that share a strong identifier (INN, OGRN/OGRNIP, USCC, IMO, LEI, each with
valid check digits) by automatic "same" judgements of score 1: list↔list, list↔records,
records↔records, and identifiers mentioned in documents. An analyst's judgement is never
replaced, and clusters an analyst judged apart are not joined. Automatic links whose evidence
is gone are withdrawn.

--json prints {entities, keyed, sharedKeys, linked: [{left, right, keys}], kept,
withdrawn: [judgement], refused: [{key, reason: "analyst_judgement"|"judged_apart"|
"incompatible_schema"|"ambiguous_key", ids, edge?}], dangling: [judgement], conflicts:
[{edge, reason, conflicts}], clusters}.`,
  candidates: `
Proposes pairs nobody has judged yet, best first: every party of the ingested records and
every name found in documents against every list entity, and list entities against other
lists. The score is the screening engine's (names across scripts, legal forms, countries,
dates, identifiers), raised by shared context (address, director or owner, trading partner):
score = s + (1 − s)·(1 − Π(1 − wᵢ)), w = 0.35 address, 0.35 director/owner, 0.2 partner,
at most 0.99. Pairs already in one cluster, or with a not-same or unsure judgement between
their clusters, are not proposed; each pair of clusters is proposed once.

--json prints {candidates: [{left: {id, caption, schema, datasets, role, canonical}, right:
{…}, score, matchScore, algorithm, explanations: {feature: {score, detail}}, context: [{kind,
weight, detail}]}], total, queries, compared, listEntities}.`,
  judge: `
Records an analyst's judgement: same, not-same or unsure. "same" is applied transitively
(clusters merge); "not-same" keeps the two clusters apart for good; "unsure" merges nothing
but stops the pair being proposed again. A "same" across a "not-same" is refused, as is a
"not-same" inside a cluster an analyst made; automatic links it contradicts are withdrawn.
Exit 1 when an id is unknown or the judgement is refused.

--json prints {judgement, replaced, withdrawn: [judgement], clusters: [${CLUSTER_JSON}]}.`,
  undo: `
Removes the judgement on a pair (analyst or automatic). An automatic link comes back at the
next \`resolve auto\` while its evidence holds: judge the pair not-same to keep it apart.

--json prints {removed: judgement, clusters: [cluster]} (cluster as in \`resolve show\`).`,
  show: `
Shows the cluster of an id: its canonical id (a list entity's id when there is one, else the
least id), its members, and the judgements that connect them with their evidence.

--json prints ${CLUSTER_JSON}.`,
};

function number(value: string, name: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw usageError(`--${name} must be a number, not "${value}"`);
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function judgementLine(j: JudgementView): string {
  const who = j.origin === 'analyst' ? `analyst ${j.user ?? ''}`.trim() : 'auto';
  return `  ${j.left} ${WORD[j.judgement]} ${j.right}  [${who}, ${j.createdAt}]\n${j.evidence.map((e) => `      ${e}`).join('\n')}`;
}

function renderCluster(c: ClusterView): string {
  const lines = [`cluster ${c.canonical}${c.id !== c.canonical ? ` (of ${c.id})` : ''}: ${c.members.length} member${c.members.length === 1 ? '' : 's'}`];
  lines.push(table(['id', 'caption', 'schema', 'datasets', 'keys'], c.members.map((m) => [m.id, m.exists ? m.caption : '(no longer in the store)', m.schema, m.datasets.join(', ') || null, m.keys.join(', ') || null])));
  if (c.judgements.length) lines.push('judgements:', ...c.judgements.map(judgementLine));
  if (c.constraints.length) lines.push('kept apart from:', ...c.constraints.map(judgementLine));
  if (c.conflicts.length) lines.push('not applied (they contradict other judgements):', ...c.conflicts.map((j) => `${judgementLine(j)}\n      (${j.reason})`));
  if (c.missing.length) lines.push(`no longer in the store: ${c.missing.join(', ')} (their judgements are kept)`);
  return lines.join('\n');
}

function renderCandidate(c: CandidateView, i: number): string {
  const side = (e: CandidateView['left']) => `${e.caption} [${e.schema}] ${e.id} (${e.datasets.join(', ') || e.role})`;
  const lines = [`${i + 1}. ${c.score.toFixed(3)}  ${side(c.left)}`, `   ~ ${side(c.right)}`];
  for (const [feature, ex] of Object.entries(c.explanations)) lines.push(`     ${feature} ${ex.score.toFixed(2)}: ${ex.detail ?? ''}`);
  for (const e of c.context) lines.push(`     context +${e.weight}: ${e.detail}`);
  return lines.join('\n');
}

export function registerResolve(program: Command, globals: () => GlobalOptions): void {
  const resolve = program.command('resolve').description('entity resolution: link records, mentions and list entries that are the same party');

  resolve
    .command('auto')
    .description('link entities that share a strong identifier (INN, OGRN, USCC, IMO, LEI)')
    .option('--user <name>', 'name recorded on the automatic judgements', 'endtrace/auto')
    .addHelpText('after', HELP.auto)
    .action(async (flags: { user: string }) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const r = await autoResolve(store, { progress: log, user: flags.user });
        if (ctx.json) return printJson(r);
        out(`${r.entities.toLocaleString('en')} entities, ${r.keyed.toLocaleString('en')} with a strong identifier, ${r.sharedKeys.toLocaleString('en')} identifiers shared`);
        out(`linked ${r.linked.length.toLocaleString('en')} pair(s), kept ${r.kept.toLocaleString('en')}, withdrew ${r.withdrawn.length.toLocaleString('en')}; ${r.clusters.toLocaleString('en')} cluster(s) of two or more`);
        for (const l of r.linked.slice(0, 20)) out(`  ${l.left} = ${l.right}  (${l.keys.join(', ')})`);
        if (r.linked.length > 20) out(`  … ${(r.linked.length - 20).toLocaleString('en')} more (--json lists them all)`);
        for (const f of r.refused.slice(0, 20)) out(`  not linked: ${f.ids.join(', ')} share ${f.key}: ${f.reason}${f.edge ? ` (${f.edge.left} ${WORD[f.edge.judgement]} ${f.edge.right}, ${f.edge.origin})` : ''}`);
        if (r.refused.length > 20) out(`  … ${(r.refused.length - 20).toLocaleString('en')} more not linked (--json lists them all)`);
        if (r.dangling.length) out(`${r.dangling.length} judgement(s) name entities no longer in the store (kept): ${r.dangling.slice(0, 5).map((j) => `${j.left}~${j.right}`).join(', ')}${r.dangling.length > 5 ? ', …' : ''}`);
        if (r.conflicts.length) out(`${r.conflicts.length} judgement(s) contradict others and are not applied (see \`resolve show\`)`);
      });
    });

  resolve
    .command('candidates')
    .description('pairs nobody has judged yet, with a score and its explanation, best first')
    .option('--limit <n>', 'pairs shown', '50')
    .option('--min-score <s>', 'lowest score proposed (0..1)', '0.7')
    .option('--source <name>', 'only pairs with a side in this dataset (repeatable)', collect, [] as string[])
    .option('--id <id>', 'only the candidates of this entity (repeatable)', collect, [] as string[])
    .addHelpText('after', HELP.candidates)
    .action(async (flags: { limit: string; minScore: string; source: string[]; id: string[] }) => {
      const ctx = makeContext(globals());
      const limit = number(flags.limit, 'limit');
      const minScore = number(flags.minScore, 'min-score');
      await ctx.withStore(async (store) => {
        const r = await resolveCandidates(store, { limit, minScore, sources: flags.source, ids: flags.id, progress: log });
        log(`${r.queries.toLocaleString('en')} entities against ${r.listEntities.toLocaleString('en')} list entities: ${r.compared.toLocaleString('en')} pairs scored, ${r.total.toLocaleString('en')} proposed`);
        if (ctx.json) return printJson(r);
        if (!r.candidates.length) return out('no candidates');
        out(r.candidates.map(renderCandidate).join('\n'));
        if (r.total > r.candidates.length) out(`… ${(r.total - r.candidates.length).toLocaleString('en')} more (--limit)`);
      });
    });

  resolve
    .command('judge')
    .description('record an analyst judgement: A and B are the same, not the same, or unsure')
    .argument('<a>', 'entity id')
    .argument('<b>', 'entity id')
    .argument('<judgement>', 'same | not-same | unsure')
    .option('--user <name>', 'who judges (default: $USER)')
    .addHelpText('after', HELP.judge)
    .action(async (a: string, b: string, word: string, flags: { user?: string }) => {
      if (!(word in VALUES)) throw usageError(`the judgement must be same, not-same or unsure, not "${word}"`);
      const ctx = makeContext(globals());
      const user = flags.user ?? process.env.USER ?? 'analyst';
      await ctx.withStore(async (store) => {
        const r = await judge(store, a, b, VALUES[word as JudgeWord], user);
        if (ctx.json) return printJson(r);
        out(`${a} ${word} ${b}: recorded for ${user}${r.replaced ? ` (replaces ${r.replaced.origin} ${WORD[r.replaced.judgement]})` : ''}`);
        for (const w of r.withdrawn) out(`withdrew the automatic link ${w.left} = ${w.right}`);
        out(r.clusters.map(renderCluster).join('\n\n'));
      });
    });

  resolve
    .command('undo')
    .description('remove the judgement on a pair')
    .argument('<a>', 'entity id')
    .argument('<b>', 'entity id')
    .addHelpText('after', HELP.undo)
    .action(async (a: string, b: string) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const r = await undo(store, a, b);
        if (ctx.json) return printJson(r);
        out(`removed ${r.removed.origin} judgement ${r.removed.left} ${WORD[r.removed.judgement]} ${r.removed.right}${r.removed.origin === 'auto' ? ' (it comes back at the next `resolve auto` while its evidence holds; judge not-same to keep them apart)' : ''}`);
        out(r.clusters.map(renderCluster).join('\n\n'));
      });
    });

  resolve
    .command('show')
    .description('the cluster of an id: canonical id, members, and the judgements that connect them')
    .argument('<id>', 'entity id')
    .addHelpText('after', HELP.show)
    .action(async (id: string) => {
      const ctx = makeContext(globals());
      await ctx.withStore(async (store) => {
        const c = await cluster(store, id);
        if (ctx.json) return printJson(c);
        out(renderCluster(c));
      });
    });
}
