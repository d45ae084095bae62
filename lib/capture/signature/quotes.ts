/**
 * Cutting a message down to the sender's own reply: everything from the first quote header
 * (On … wrote:, -----Original Message-----, a From:/发件人: header block, a forwarded-message
 * banner) on is someone else's text, and `>` lines are quotes. Written by hand because the
 * maintained reply parsers (talon, email-reply-parser) are Python/PHP/Node-only packages that
 * pull in more than this needs; the header variants follow crisp-oss/email-reply-parser's fixtures.
 */

/** "wrote:" in the languages webmail clients use (EN/FR/DE/ES/IT/PT/NL/Nordic/PL/CS/HU/RU/TR/ZH). */
const WROTE =
  /(wrote|writes|schrieb|a\s+écrit|escribió|ha\s+scritto|scrive|escreveu|kirjoitti|skrev|schreef|napisał|napisala?|napsal[a]?|napísal|írta|написал[а]?|пишет|yazdı|skrifaði|kirjutas|rašė|写道|寫道)\s*[:：]?\s*(-{2,})?\s*$/i;
/** A header that ends with the quoted author's address and a colon, with a time in it (Russian Gmail and others). */
const ADDRESS_COLON = /\d{1,2}[:.]\d{2}.{0,200}[<(]?[^\s<>()]+@[^\s<>()]+\s*[>)]?\s*[:：]\s*$/;
const SEPARATOR =
  /^[\s>]*-{2,}\s*(original message|forwarded message|oprindelig besked|ursprüngliche nachricht|originalnachricht|weitergeleitete nachricht|message d'origine|message transféré|mensaje original|mensaje reenviado|messaggio originale|messaggio inoltrato|mensagem original|mensagem encaminhada|oorspronkelijk bericht|doorgestuurd bericht|ursprungligt meddelande|vidarebefordrat meddelande|opprinnelig melding|videresendt melding|alkuperäinen viesti|välitetty viesti|исходное сообщение|пересылаемое сообщение|пересланное сообщение|原始邮件|原始郵件|转发邮件|轉寄郵件|邮件原件|reply message)\s*-{2,}/i;
const FORWARD_BANNER =
  /^\s*(_{3,}\s*reply separator\s*_{3,}|-{3,}\s*forwarded by\b|begin forwarded message\s*:|anfang der weitergeleiteten nachricht|début du message (réexpédié|transféré)|inizio messaggio inoltrato|----- ?转发的邮件|-{3,}\s*(转发|轉寄)\s*-{3,})/i;
const FROM_LINE =
  /^[\s>*]*(from|von|de|van|fra|från|da|от|od|kimden|lähettäjä|feladó|发件人|發件人|寄件者|寄件人)\s*\*?\s*[:：]/i;
const HEADER_LINE =
  /^[\s>*]*(sent|date|to|subject|cc|gesendet|datum|an|betreff|envoyé|à|objet|enviado|para|asunto|inviato|data|a|oggetto|verzonden|aan|onderwerp|sendt|dato|til|emne|skickat|till|ämne|отправлено|дата|кому|тема|lähetetty|vastaanottaja|aihe|发送时间|发送日期|时间|日期|收件人|主题|抄送|寄件日期|收件者|主旨|副本)\s*\*?\s*[:：]/i;
/** Lotus Notes / Enron style header without a From: line: "To: …" then "cc:" or "Subject:". */
const TO_LINE = /^\s*to\s*:/i;
const CC_OR_SUBJECT = /^\s*(cc|subject)\s*:/i;
const DATEISH = /\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}:\d{2}/;
const UNDERSCORES = /^\s*_{10,}\s*$/;
/** "Sent from my iPhone" and friends: a device footer, not a signature. */
export const DEVICE_FOOTER =
  /^\s*(sent from|sent via|sent with|get outlook for|envoyé (de|depuis|à partir de)|von meinem|gesendet von|enviado (desde|de) mi|enviado do meu|inviato da|verzonden (met|vanaf)|skickat från|sendt fra|lähetetty|отправлено с|发自我的|来自我的|从我的|發自我的|寄自我的)/i;

const MAX_HEADER_WINDOW = 400;

function isQuoteHeaderAt(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (line.length > MAX_HEADER_WINDOW) return false;
  if (SEPARATOR.test(line) || FORWARD_BANNER.test(line)) return true;
  if (FROM_LINE.test(line)) {
    for (let k = i + 1; k <= i + 5 && k < lines.length; k++) if (HEADER_LINE.test(lines[k] ?? '')) return true;
    return false;
  }
  // "On … wrote:" may wrap over up to three lines (Gmail wraps long names and addresses).
  let window = '';
  for (let k = i; k < i + 3 && k < lines.length; k++) {
    const next = (lines[k] ?? '').trim();
    if (k > i && next === '') break;
    window = window ? `${window} ${next}` : next;
    if (window.length > MAX_HEADER_WINDOW) return false;
    // A wrapped header's first line carries the date; body text above a header does not end one.
    if (k > i && (!/\d/.test(line) || /[.!?。！？]\s*$/.test(line))) return false;
    // Every real header carries a date or an address; checking that first keeps long bodies cheap.
    if (!/[\d@]/.test(window)) continue;
    if (WROTE.test(window)) return true;
    if (/[:：]\s*$/.test(window) && ADDRESS_COLON.test(window)) return true;
  }
  return false;
}

/** Where a Notes-style "To:/cc:/Subject:" header starts, counting the name and date lines above it. */
function notesHeaderStart(lines: string[], i: number): number | undefined {
  if (!TO_LINE.test(lines[i] ?? '')) return undefined;
  let found = false;
  // A long To: list wraps over several lines before cc: / Subject:.
  for (let k = i + 1; k <= i + 8 && k < lines.length; k++) if (CC_OR_SUBJECT.test(lines[k] ?? '')) found = true;
  if (!found) return undefined;
  let start = i;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const l = (lines[k] ?? '').trim();
    if (l === '') continue;
    if (DATEISH.test(l) || /@|\//.test(l)) start = k;
    else break;
  }
  return start;
}

/** Where a header found at `i` ends (it may wrap over up to three lines). */
function headerEnd(lines: string[], i: number): number {
  let k = i;
  while (k < i + 3 && k + 1 < lines.length && !/(wrote|schrieb|écrit|escribió|scritto|escreveu|写道|寫道|[:：])\s*(-{2,})?\s*$/i.test(lines[k] ?? '')) k++;
  return k;
}

/** The first non-empty line after `k`, or undefined. */
function nextText(lines: string[], k: number): string | undefined {
  for (let j = k + 1; j < lines.length && j <= k + 3; j++) if ((lines[j] ?? '').trim() !== '') return lines[j];
  return undefined;
}

/**
 * The sender's own text of a plain-text message. A quote header followed by `>` lines opens a
 * quote the sender answers inline or below (bottom-posting, interleaved replies on mailing lists):
 * the header and the `>` lines go, the sender's text between and after them stays. Any other
 * header (Original Message, a From:/Sent: block, a forwarded banner, "On … wrote:" with an
 * unmarked quote) starts someone else's message: everything from there on goes. Mailing-list and
 * unsubscribe footers at the end go too. Returns the lines kept (right-trimmed).
 */
export function replyLines(body: string): string[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  const dropped = new Set<number>();
  // Every header form needs a digit, '@', ':' or '-' in its first three lines; most prose lines have none.
  const marked = lines.map((l) => /[\d@:：\-]/.test(l));
  for (let i = 0; i < lines.length; i++) {
    if (!marked[i] && !marked[i + 1] && !marked[i + 2]) continue;
    // Quoted lines are someone else's already; their headers decide nothing.
    if (/^\s*>/.test(lines[i] ?? '')) continue;
    if (isQuoteHeaderAt(lines, i)) {
      const k = headerEnd(lines, i);
      if (/^\s*>/.test(nextText(lines, k) ?? '') && !SEPARATOR.test(lines[i] ?? '') && !FORWARD_BANNER.test(lines[i] ?? '')) {
        for (let j = i; j <= k; j++) dropped.add(j);
        i = k;
        continue;
      }
      end = i;
      break;
    }
    const notes = notesHeaderStart(lines, i);
    if (notes !== undefined) {
      end = notes;
      break;
    }
  }
  // An Outlook rule of underscores sits just above the header it introduces.
  let cut = end;
  while (cut > 0 && (UNDERSCORES.test(lines[cut - 1] ?? '') || (lines[cut - 1] ?? '').trim() === '')) cut--;
  if (cut < end && lines.slice(cut, end).some((l) => UNDERSCORES.test(l))) end = cut;
  const kept: string[] = [];
  for (let i = 0; i < end; i++) {
    const line = lines[i] ?? '';
    if (dropped.has(i) || /^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  return withoutFooter(kept);
}

/**
 * Mailing-list and service footers: Google Groups, Mailman, ezmlm/Apache, "unsubscribe" lines,
 * "view this message online". From the first of them (within the last lines) on, nothing is the sender's.
 */
const LIST_FOOTER =
  /^\s*(you received this (message|e-?mail) because you are subscribed|you are receiving this (because|email)|to unsubscribe( from this group)?[, ]|to post to this group|for more options, visit|visit this group at|---\s*you received this|unsubscribe\s*[:：<]|to unsubscribe,? (e-?mail|send)|for additional commands,? e-?mail|view this (discussion|message|email) (on the web|online|in your browser)|this (e-?mail|message) was sent (to|by)|manage your (email )?(subscription|preferences)|click here to unsubscribe|\S+ mailing list\s*$|\S+@\S+\s*$(?=)|https?:\/\/\S*(listinfo|mailman|groups\.google|unsubscribe)\S*\s*$|取消订阅|退订)/i;
const LIST_RULE = /^\s*(_{5,}|-{3,}|={5,})\s*$/;

function withoutFooter(lines: string[]): string[] {
  const from = Math.max(0, lines.length - 20);
  let cut = lines.length;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i] ?? '';
    // A bare address alone is a list address only right after "… mailing list".
    if (/^\s*\S+@\S+\s*$/.test(l) && !/mailing list\s*$/i.test(lines[i - 1] ?? '')) continue;
    if (LIST_FOOTER.test(l)) {
      cut = i;
      break;
    }
  }
  if (cut === lines.length) return lines;
  // The rule or blank lines just above the footer belong to it.
  while (cut > 0 && (LIST_RULE.test(lines[cut - 1] ?? '') || (lines[cut - 1] ?? '').trim() === '')) cut--;
  return lines.slice(0, cut);
}

/** The sender's own text as one string (quotes removed), e.g. for a snippet. */
export function replyText(body: string): string {
  return replyLines(body)
    .filter((l) => !DEVICE_FOOTER.test(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
