// A model of how ffmpeg reads a filtergraph, to check that what clip-args.ts escapes comes
// back out as written: av_get_token (libavutil/avstring.c) at the graph level and at the
// filter-option level, then drawtext's own expansion of `\x` and `%{...}`.

/** av_get_token: reads up to an unescaped, unquoted terminator; `\` escapes, `'...'` quotes. */
export function avGetToken(input: string, terminators: string): { token: string; rest: string } {
  let i = 0;
  while (i < input.length && ' \n\t\r'.includes(input[i]!)) i++;
  let out = '';
  let end = 0;
  while (i < input.length && !terminators.includes(input[i]!)) {
    const c = input[i++]!;
    if (c === '\\' && i < input.length) {
      out += input[i++]!;
      end = out.length;
    } else if (c === "'") {
      while (i < input.length && input[i] !== "'") out += input[i++]!;
      if (i < input.length) i++;
      end = out.length;
    } else {
      out += c;
      if (!' \n\t\r'.includes(c)) end = out.length;
    }
  }
  return { token: out.slice(0, end), rest: input.slice(i) };
}

/** The filters of a simple chain `a=..,b=..` as [name, argument string] after the graph level. */
export function parseFilterChain(chain: string): [string, string][] {
  const filters: [string, string][] = [];
  let rest = chain;
  while (rest.length > 0) {
    const nameMatch = /^[\w]+/.exec(rest);
    if (!nameMatch) throw new Error(`no filter name at ${rest}`);
    const name = nameMatch[0];
    rest = rest.slice(name.length);
    let args = '';
    if (rest.startsWith('=')) {
      const parsed = avGetToken(rest.slice(1), '[],;');
      args = parsed.token;
      rest = parsed.rest;
    }
    filters.push([name, args]);
    if (rest.startsWith(',')) rest = rest.slice(1);
    else if (rest.length > 0) throw new Error(`unexpected ${rest}`);
  }
  return filters;
}

/** A filter's `key=value:key=value` arguments after the option level. */
export function parseFilterOptions(args: string): Record<string, string> {
  const options: Record<string, string> = {};
  let rest = args;
  while (rest.length > 0) {
    const key = /^[\w-]+/.exec(rest)?.[0];
    if (!key || rest[key.length] !== '=') throw new Error(`bad option at ${rest}`);
    const parsed = avGetToken(rest.slice(key.length + 1), ':');
    options[key] = parsed.token;
    rest = parsed.rest.startsWith(':') ? parsed.rest.slice(1) : parsed.rest;
  }
  return options;
}

/**
 * drawtext's expansion=normal: `\x` is x; `%{eif:EXPR:d[:W]}` evaluated with `t` (the
 * expressions clip-args writes use only t, numbers, + - * /, floor and mod).
 */
export function expandDrawtext(text: string, t: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      out += text[++i] ?? '';
    } else if (c === '%' && text[i + 1] === '{') {
      const close = text.indexOf('}', i);
      const [fn, expr, format, width] = text.slice(i + 2, close).split(':');
      if (fn !== 'eif' || format !== 'd' || !expr) throw new Error(`unsupported %{${fn}}`);
      const value = Function('t', 'floor', 'mod', `return (${expr});`)(t, Math.floor, (a: number, b: number) => a - b * Math.floor(a / b)) as number;
      out += String(Math.trunc(value)).padStart(width ? Number(width) : 0, '0');
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}
