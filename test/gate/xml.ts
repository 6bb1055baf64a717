/**
 * A tiny XML well-formedness check for the JUnit tests: balanced tags, quoted attributes, no raw
 * '<' or stray '&' in text or attribute values. Returns the element names in document order.
 */
export function parseXml(xml: string): { elements: { name: string; attrs: Record<string, string>; text: string }[] } {
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const checkText = (t: string) => {
    if (t.replace(entity, '').includes('&')) throw new Error(`stray & in ${JSON.stringify(t.slice(0, 80))}`);
    if (t.includes('<') || t.includes('>')) throw new Error(`raw < or > in ${JSON.stringify(t.slice(0, 80))}`);
  };
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  let roots = 0;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    if (lt === -1) {
      if (rest.trim() !== '') throw new Error('text after the root element');
      break;
    }
    const text = rest.slice(0, lt);
    checkText(text);
    if (stack.length) stack[stack.length - 1].text += unescape(text);
    else if (text.trim() !== '') throw new Error('text outside the root element');
    const gt = rest.indexOf('>', lt);
    if (gt === -1) throw new Error('unterminated tag');
    const tag = rest.slice(lt + 1, gt);
    rest = rest.slice(gt + 1);
    if (tag.startsWith('/')) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1)) throw new Error(`</${tag.slice(1)}> closes <${open?.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*\/?$/.exec(tag);
    if (!m) throw new Error(`malformed tag <${tag.slice(0, 80)}>`);
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      checkText(a[2]);
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]] = unescape(a[2]);
    }
    if (stack.length === 0 && ++roots > 1) throw new Error('more than one root element');
    const el = { name: m[1], attrs, text: '' };
    elements.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return { elements };
}
