/**
 * How a comment's plain text reads: http(s) addresses become links and `@<e-mail>` mentions become people. Shared by
 * the server (which resolves the mentioned e-mails when a comment is written) and the page (which draws the
 * segments as React text and elements — never as HTML, so nothing typed can become markup).
 */

/** A person a comment mentions, as the feed answers it. */
export interface CommentMention {
  userId: string;
  name: string;
  email: string;
}

export type CommentSegment =
  | { kind: "text"; text: string }
  | { kind: "link"; text: string; href: string }
  | { kind: "mention"; text: string; mention: CommentMention };

// A mention is `@` then an e-mail, at the start of the text or after a space or an opening bracket or quote, so an
// e-mail written without `@` in front (marie@example.com) and an address's own `@` never mention anyone.
const mentionPattern = String.raw`(?<=^|[\s(\[{"'«])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})`;
const linkPattern = String.raw`\bhttps?:\/\/[^\s<>"'\x60]+`;
const tokenPattern = () => new RegExp(`(${linkPattern})|${mentionPattern}`, "gi");

// Punctuation that ends a sentence is not part of the address it follows; a closing bracket only when unmatched.
function trimLink(text: string): string {
  let link = text;
  for (;;) {
    const last = link.at(-1);
    if (last && ".,;:!?'\"»".includes(last)) link = link.slice(0, -1);
    else if (last === ")" && link.split("(").length < link.split(")").length) link = link.slice(0, -1);
    else if (last === "]" && link.split("[").length < link.split("]").length) link = link.slice(0, -1);
    else return link;
  }
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

interface Token {
  start: number;
  end: number;
  link?: string;
  email?: string;
}

function tokensOf(body: string): Token[] {
  const tokens: Token[] = [];
  for (const match of body.matchAll(tokenPattern())) {
    const start = match.index;
    if (match[1] !== undefined) {
      const link = trimLink(match[1]);
      if (isWebAddress(link)) tokens.push({ start, end: start + link.length, link });
    } else if (match[2] !== undefined) {
      tokens.push({ start, end: start + match[0].length, email: match[2] });
    }
  }
  return tokens;
}

/** The e-mails a body mentions (lower-case, each once), in order of appearance. */
export function mentionedEmails(body: string): string[] {
  const emails = tokensOf(body).flatMap((token) => (token.email ? [token.email.toLowerCase()] : []));
  return [...new Set(emails)];
}

/**
 * The body cut into text, links and mentions. A mention is drawn as a person only when its e-mail is one of the
 * comment's resolved mentions; any other `@…` stays text, exactly as typed.
 */
export function commentSegments(body: string, mentions: readonly CommentMention[]): CommentSegment[] {
  const byEmail = new Map(mentions.map((mention) => [mention.email.toLowerCase(), mention]));
  const segments: CommentSegment[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const previous = segments.at(-1);
    if (previous?.kind === "text") previous.text += text;
    else segments.push({ kind: "text", text });
  };
  let position = 0;
  for (const token of tokensOf(body)) {
    const mention = token.email ? byEmail.get(token.email.toLowerCase()) : undefined;
    if (!token.link && !mention) continue;
    pushText(body.slice(position, token.start));
    const text = body.slice(token.start, token.end);
    segments.push(token.link ? { kind: "link", text, href: token.link } : { kind: "mention", text, mention: mention! });
    position = token.end;
  }
  pushText(body.slice(position));
  return segments;
}
