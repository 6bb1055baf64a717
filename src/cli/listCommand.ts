import { paperOf } from '../claims/Claim.js';
import { select } from '../claims/registry.js';
import type { ListArgs } from './args.js';
import { table } from './format.js';
import { loadCheckables } from './loadCheckables.js';

export async function listCommand(args: ListArgs): Promise<number> {
  const sel = { paper: args.paper, file: args.file };
  const all = select(await loadCheckables(args.file, sel), sel);
  if (args.json) {
    const rows = all.map((c) => ({
      id: c.id,
      role: c.type,
      paper: paperOf(c).key,
      kind: c.kind,
      confidence: c.type === 'claim' ? c.confidence : undefined,
      status: c.type === 'mutant' ? c.status : undefined,
      purpose: c.type === 'mutant' ? c.purpose : undefined,
      of: c.type === 'mutant' ? c.of.id : undefined,
    }));
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  const papers = [...new Map(all.map((c) => [paperOf(c).key, paperOf(c)])).values()];
  for (const p of papers) {
    console.log(`${p.key}: ${p.authors}, "${p.title}" (${p.venue}${p.arxiv ? `, arXiv ${p.arxiv}` : ''}); confidence ${p.confidence}`);
    const rows = [['', 'id', 'kind', 'confidence / status', 'purpose']];
    for (const c of all.filter((x) => paperOf(x).key === p.key)) {
      rows.push(c.type === 'claim' ? ['claim', c.id, c.kind, c.confidence, ''] : ['  mutant', c.id, c.kind, c.status, c.purpose]);
    }
    console.log(table(rows) + '\n');
  }
  const claims = all.filter((c) => c.type === 'claim').length;
  const purposes = ['assumption', 'power', 'bound', 'sanity']
    .map((p) => [p, all.filter((c) => c.type === 'mutant' && c.purpose === p).length] as const)
    .filter(([, n]) => n > 0)
    .map(([p, n]) => `${p} ${n}`);
  console.log(`${claims} claims, ${all.length - claims} mutants${purposes.length ? ` (${purposes.join(', ')})` : ''}`);
  return 0;
}
