import { describe, expect, it } from 'vitest';
import { junitXml, xmlEscape } from '../../src/report/junit.js';
import { parseXml } from './xml.js';

describe('JUnit XML', () => {
  const xml = junitXml([
    {
      name: 'shamir2018',
      cases: [
        { name: 'shamir2018/thm1/gradient-lower-bound', classname: 'shamir2018', timeSeconds: 0.6, failures: [] },
        {
          name: 'shamir2018/thm1/gradient-lower-bound~nonconvex-loss',
          classname: 'shamir2018',
          timeSeconds: 0.01,
          failures: [
            'x: quantity "lhs: F <= F_lin & co" drifted: baseline 1, now 2 (tolerance rel 1e-9 + abs 1e-12: \'why\')',
            'second \u0001problem',
          ],
        },
      ],
    },
    { name: 'my-notes', cases: [{ name: 'my-notes/a/b', classname: 'my-notes', failures: ['verdict changed: <verified> -> refuted'] }] },
  ]);

  it('is well-formed, with one testcase per result and one failure per failing result', () => {
    const { elements } = parseXml(xml);
    expect(elements[0].name).toBe('testsuites');
    expect(elements[0].attrs).toMatchObject({ tests: '3', failures: '2' });
    expect(elements.filter((e) => e.name === 'testsuite')).toHaveLength(2);
    const cases = elements.filter((e) => e.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'shamir2018/thm1/gradient-lower-bound',
      'shamir2018/thm1/gradient-lower-bound~nonconvex-loss',
      'my-notes/a/b',
    ]);
    const failures = elements.filter((e) => e.name === 'failure');
    expect(failures).toHaveLength(2);
    // The message survives escaping exactly; the text holds every problem of the testcase.
    expect(failures[0].attrs.message).toBe(
      'x: quantity "lhs: F <= F_lin & co" drifted: baseline 1, now 2 (tolerance rel 1e-9 + abs 1e-12: \'why\') (and 1 more)',
    );
    expect(failures[0].text).toContain('second problem');
    expect(failures[1].attrs.message).toBe('verdict changed: <verified> -> refuted');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c\'\u0000')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow();
  });
});
