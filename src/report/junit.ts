/**
 * JUnit XML for CI systems (GitHub Actions test reporters, GitLab, Jenkins): one <testsuite> per
 * paper, one <testcase> per claim and mutant, a <failure> per problem found with its one-line
 * message as the attribute and all messages as the text.
 */
export interface JUnitCase {
  /** Claim or mutant id. */
  readonly name: string;
  /** The paper key (JUnit's "class"). */
  readonly classname: string;
  readonly timeSeconds?: number;
  readonly failures: readonly string[];
}

export interface JUnitSuite {
  readonly name: string;
  readonly cases: readonly JUnitCase[];
}

/** XML 1.0 text and attribute escaping; characters XML cannot carry at all are dropped. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const seconds = (t: number | undefined): string => (t === undefined ? '0' : t.toFixed(3));

export function junitXml(suites: readonly JUnitSuite[], name = 'claimcheck'): string {
  const count = (f: (c: JUnitCase) => number) => suites.reduce((n, s) => n + s.cases.reduce((m, c) => m + f(c), 0), 0);
  const tests = count(() => 1);
  const failed = count((c) => (c.failures.length ? 1 : 0));
  const time = count((c) => c.timeSeconds ?? 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(name)}" tests="${tests}" failures="${failed}" errors="0" time="${seconds(time)}">`,
  ];
  for (const s of suites) {
    const sFailed = s.cases.filter((c) => c.failures.length).length;
    const sTime = s.cases.reduce((m, c) => m + (c.timeSeconds ?? 0), 0);
    lines.push(
      `  <testsuite name="${xmlEscape(s.name)}" tests="${s.cases.length}" failures="${sFailed}" errors="0" skipped="0" time="${seconds(sTime)}">`,
    );
    for (const c of s.cases) {
      const open = `    <testcase classname="${xmlEscape(c.classname)}" name="${xmlEscape(c.name)}" time="${seconds(c.timeSeconds)}"`;
      if (c.failures.length === 0) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      // One <failure> per testcase (what most readers expect); every problem is in its text.
      const summary = c.failures.length === 1 ? c.failures[0] : `${c.failures[0]} (and ${c.failures.length - 1} more)`;
      lines.push(`      <failure message="${xmlEscape(summary)}" type="claimcheck">${xmlEscape(c.failures.join('\n'))}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
