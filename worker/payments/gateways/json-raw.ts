// Alipay signs the exact bytes of `"<method>_response": {…}` as they appear in the reply, so the value
// must be cut out of the raw text, never re-serialised (key order, escapes and spacing would change).

function skipWhitespace(text: string, at: number): number {
  while (at < text.length && " \t\r\n".includes(text[at]!)) at++;
  return at;
}

/** Index just past the JSON string starting at `at` (which must be a quote). */
function endOfString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new SyntaxError("unterminated string");
}

/** Index just past the JSON value starting at `at`. */
function endOfValue(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return endOfString(text, at);
  if (first === "{" || first === "[") {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = endOfString(text, i) - 1;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw new SyntaxError("unterminated value");
  }
  let i = at;
  while (i < text.length && !",}] \t\r\n".includes(text[i]!)) i++;
  if (i === at) throw new SyntaxError("missing value");
  return i;
}

/** Raw text of each top-level member value of a JSON object. Throws SyntaxError on malformed input. */
export function rawTopLevelMembers(text: string): Map<string, string> {
  const members = new Map<string, string>();
  let at = skipWhitespace(text, 0);
  if (text[at] !== "{") throw new SyntaxError("not a JSON object");
  at = skipWhitespace(text, at + 1);
  if (text[at] === "}") return members;
  for (;;) {
    if (text[at] !== '"') throw new SyntaxError("expected a key");
    const keyEnd = endOfString(text, at);
    const key = JSON.parse(text.slice(at, keyEnd)) as string;
    at = skipWhitespace(text, keyEnd);
    if (text[at] !== ":") throw new SyntaxError("expected ':'");
    const valueStart = skipWhitespace(text, at + 1);
    const valueEnd = endOfValue(text, valueStart);
    members.set(key, text.slice(valueStart, valueEnd));
    at = skipWhitespace(text, valueEnd);
    if (text[at] === "}") return members;
    if (text[at] !== ",") throw new SyntaxError("expected ',' or '}'");
    at = skipWhitespace(text, at + 1);
  }
}
