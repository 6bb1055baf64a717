import type { PaperRef } from '../claims/Claim.js';
import { esc, link } from './html.js';
import { paperPath } from './paths.js';
import type { Summary } from './Summary.js';

/** Title (linked to the paper page), authors, venue and arXiv id, as plain text (no network links). */
export function paperLine(fromPath: string, p: PaperRef): string {
  const meta = [p.authors, p.venue, p.arxiv ? `arXiv:${p.arxiv}` : ''].filter(Boolean).map(esc).join(', ');
  return `${link(fromPath, paperPath(p.key), p.title)}${meta ? ` <span class="note">(${meta})</span>` : ''}`;
}

/** Every page says which run it shows; no date, so the same summary gives identical pages. */
export function runFooter(s: Summary): string {
  return (
    `claimcheck report · summary schema ${esc(s.schema)} · seed <code>${esc(s.seed)}</code> · ` +
    `backend <code>${esc(s.backend)}</code> · profile <code>${esc(s.profile)}</code>`
  );
}
