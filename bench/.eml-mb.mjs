// src/read/decode.ts
var SIGNATURES = [
  [[80, 75, 3, 4], "zip"],
  [[37, 80, 68, 70], "pdf"],
  [[208, 207, 17, 224], "ole"],
  [[255, 216, 255], "jpeg"],
  [[137, 80, 78, 71], "png"],
  [[71, 73, 70, 56], "gif"],
  [[82, 97, 114, 33], "rar"],
  [[55, 122, 188, 175], "7z"]
];
function sniff(bytes) {
  const hit = SIGNATURES.find(([sig]) => sig.every((b, i) => bytes[i] === b));
  return hit ? { id: hit[1] } : void 0;
}

// src/core/lazy.ts
import { createRequire } from "node:module";
var requireHere = createRequire(import.meta.url);
function lazy(id) {
  let loaded;
  return () => loaded ??= requireHere(id);
}

// src/read/zip.ts
var zlib = lazy("node:zlib");
var DEFAULT_ZIP_LIMITS = Object.freeze({
  maxEntries: 2e3,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200
});
var RATIO_FLOOR = 1024 * 1024;

// src/read/eml.ts
var DEFAULT_EML_LIMITS = Object.freeze({
  maxAttachments: 100,
  maxAttachmentBytes: DEFAULT_ZIP_LIMITS.maxEntryBytes,
  maxTotalBytes: DEFAULT_ZIP_LIMITS.maxTotalBytes
});
var NotMailError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "NotMailError";
  }
};
var MAIL_HEADER = /^(from|to|cc|subject|date|received|return-path|message-id|mime-version|content-type|sender|reply-to|delivered-to|x-mailer|x-sender|thread-topic|x-ms-has-attach|x-qq-mid):/im;
async function readEml(bytes, limits) {
  const lim = { ...DEFAULT_EML_LIMITS, ...limits };
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assertMail(buffer);
  if (buffer.subarray(0, 5).toString("latin1") === "From ") {
    const eol = buffer.indexOf(10);
    buffer = eol < 0 ? Buffer.alloc(0) : buffer.subarray(eol + 1);
  }
  let mail;
  try {
    const { simpleParser } = await import("mailparser");
    const parse = (b) => simpleParser(b, { skipTextToHtml: true, skipImageLinks: true, checksumAlgo: false });
    const lifted = liftBase64Bodies(buffer);
    mail = lifted ? await parse(lifted.mail) : void 0;
    if (!mail || !lifted || !restoreBodies(mail.attachments, lifted.bodies)) {
      if (process.env.LW_DBG) console.error("fallback", !!lifted, mail?.attachments.map((a) => [a.content.length, a.filename]));
      mail = await parse(buffer);
    }
  } catch (e) {
    throw new NotMailError(`not a readable mail: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const raw = rawHeaders(mail.headerLines);
  const result = { attachments: [] };
  const dateHeader = raw.get("date");
  if (dateHeader !== void 0) {
    result.dateHeader = repairLatin1(dateHeader);
    const date = parseMailDate(dateHeader);
    if (date) result.date = date;
  }
  const subject = headerText(raw.get("subject"), mail.subject);
  if (subject) result.subject = subject;
  const from = sender(raw.get("from"), mail.from);
  if (from) result.from = from;
  const text = typeof mail.text === "string" && mail.text.trim() ? mail.text : typeof mail.html === "string" ? htmlText(mail.html) : "";
  if (text.trim()) result.text = text;
  const taken = /* @__PURE__ */ new Set();
  let total = 0;
  mail.attachments.forEach((attachment, i) => {
    const contentType = (attachment.contentType || "application/octet-stream").toLowerCase();
    const filename = unique(attachmentName(attachment, contentType, i + 1), taken);
    const size = attachment.content.length;
    let reason;
    if (result.attachments.length >= lim.maxAttachments) reason = "too-many";
    else if (size > lim.maxAttachmentBytes || total + size > lim.maxTotalBytes) reason = "too-large";
    if (reason) {
      (result.omitted ??= []).push({ filename, contentType, size, reason });
      return;
    }
    total += size;
    const content = attachment.content;
    const inline = attachment.related === true || attachment.contentDisposition === "inline";
    result.attachments.push({
      filename,
      bytes: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
      contentType,
      ...inline ? { inline: true } : {}
    });
  });
  return result;
}
var BASE64_LINES = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;
var LIFT_FROM = 4096;
var STAND_IN_BYTES = 48;
function liftBase64Bodies(mail) {
  const text = mail.toString("latin1");
  const bodies = /* @__PURE__ */ new Map();
  const pieces = [];
  let at = 0;
  const tag = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(12))).toString("hex");
  const blank = /\n\r?\n/g;
  for (let m; m = blank.exec(text); ) {
    const start = m.index + m[0].length;
    let end = text.indexOf("\n--", start);
    end = end < 0 ? text.length : end + 1;
    if (end - start < LIFT_FROM) continue;
    blank.lastIndex = end;
    const body = text.slice(start, end);
    if (!BASE64_LINES.test(body)) continue;
    const headers = text.slice(Math.max(0, text.lastIndexOf("\n--", m.index)), m.index);
    if (/^content-type:[ \t]*text\//im.test(headers) && !/^content-disposition:[ \t]*attachment/im.test(headers)) continue;
    const standIn = `\0lifelong-week:${tag}:${String(bodies.size).padStart(4, "0")}`.padEnd(STAND_IN_BYTES, "\0");
    bodies.set(standIn, Buffer.from(body, "base64"));
    pieces.push(mail.subarray(at, start), Buffer.from(`${Buffer.from(standIn, "latin1").toString("base64")}\r
`, "latin1"));
    at = end;
  }
  if (bodies.size === 0) return null;
  pieces.push(mail.subarray(at));
  return { mail: Buffer.concat(pieces), bodies };
}
function restoreBodies(attachments, bodies) {
  const found = /* @__PURE__ */ new Map();
  for (const attachment of attachments) {
    if (attachment.content.length !== STAND_IN_BYTES) continue;
    const key = attachment.content.toString("latin1");
    if (!bodies.has(key)) continue;
    if (found.has(key)) return false;
    found.set(key, attachment);
  }
  if (found.size !== bodies.size) return false;
  for (const [key, attachment] of found) {
    attachment.content = bodies.get(key);
    attachment.size = attachment.content.length;
  }
  return true;
}
function assertMail(buffer) {
  const kind = sniff(buffer);
  if (kind) throw new NotMailError(`not a mail: ${kind.id}`);
  const head = buffer.subarray(0, 64 * 1024);
  const blank = head.indexOf("\n\n") >= 0 || head.indexOf("\r\n\r\n") >= 0 ? Math.min(...[head.indexOf("\n\n"), head.indexOf("\r\n\r\n")].filter((i) => i >= 0)) : head.length;
  const header = head.subarray(0, blank);
  if (header.includes(0)) throw new NotMailError("not a mail: binary data");
  if (!MAIL_HEADER.test(header.toString("latin1"))) throw new NotMailError("not a mail: no mail headers");
}
function rawHeaders(lines) {
  const map = /* @__PURE__ */ new Map();
  for (const { key, line } of lines) {
    if (!key || map.has(key)) continue;
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    map.set(
      key,
      line.slice(colon + 1).replace(/\r?\n[ \t]+/g, " ").trim()
    );
  }
  return map;
}
function headerText(raw, parsed) {
  if (raw !== void 0 && /[\x80-\xff]/.test(raw)) return decodeWords(repairLatin1(raw)).trim() || void 0;
  return parsed?.trim() || (raw !== void 0 ? decodeWords(raw).trim() || void 0 : void 0);
}
function sender(raw, parsed) {
  const first = parsed?.value[0];
  let name = first?.name || void 0;
  let address = first?.address || void 0;
  if (raw !== void 0 && /[\x80-\xff]/.test(raw)) {
    const text = decodeWords(repairLatin1(raw)).trim();
    const m = /^(.*?)\s*<([^<>]*)>\s*$/.exec(text);
    if (m) {
      name = m[1].replace(/^"(.*)"$/, "$1").trim() || void 0;
      address = m[2].trim() || address;
    } else if (!address) name = text || void 0;
  }
  if (!name && !address) return void 0;
  return { ...name ? { name } : {}, ...address ? { address } : {} };
}
function repairLatin1(text) {
  if (!/[\x80-\xff]/.test(text) || /[^\x00-\xff]/.test(text)) return text;
  const bytes = Buffer.from(text, "latin1");
  for (const label of ["utf-8", "gb18030"]) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
    }
  }
  return text;
}
function charsetLabel(charset) {
  const c = charset.toLowerCase().replace(/\*.*$/, "");
  if (/^(gb2312|gbk|gb_2312-80|x-gbk|cp936|ms936|windows-936|euc-cn|gb18030)$/.test(c)) return "gb18030";
  return c;
}
var ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
function decodeWords(text) {
  let out = "";
  let last = 0;
  let pending;
  const flush = () => {
    if (!pending) return;
    try {
      out += new TextDecoder(charsetLabel(pending.charset)).decode(Buffer.concat(pending.bytes));
    } catch {
      out += pending.source;
    }
    pending = void 0;
  };
  for (const m of text.matchAll(ENCODED_WORD)) {
    const [word, charset = "", encoding = "", data = ""] = m;
    const between = text.slice(last, m.index);
    const bytes = /b/i.test(encoding) ? Buffer.from(data, "base64") : Buffer.from(
      data.replace(/_/g, " ").replace(/=([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
      "latin1"
    );
    if (pending && /^\s*$/.test(between) && charsetLabel(pending.charset) === charsetLabel(charset)) {
      pending.bytes.push(bytes);
      pending.source += between + word;
    } else {
      flush();
      if (!(last > 0 && /^\s*$/.test(between))) out += between;
      pending = { charset, bytes: [bytes], source: word };
    }
    last = m.index + word.length;
  }
  flush();
  return out + text.slice(last);
}
function parseMailDate(value) {
  let v = value.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ").trim();
  v = v.replace(/\b(CST|CCT|BJT)$/i, "+0800");
  if (!/(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T))$/i.test(v)) v += " +0800";
  const t = Date.parse(v);
  if (Number.isNaN(t)) return void 0;
  const year = new Date(t).getUTCFullYear();
  return year < 1990 || year > 2100 ? void 0 : new Date(t);
}
function htmlText(html) {
  return dropBlocks(html.slice(0, 1024 * 1024), ["script", "style"]).replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h[1-6])\s*>/gi, "\n").replace(/<[^>]*>?/g, "").replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|nbsp|lt|gt|amp|quot|apos);/gi, (_, e) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 1114111 ? String.fromCodePoint(code) : "";
    }
    return { nbsp: " ", lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e.toLowerCase()] ?? "";
  }).split("\n").map((line) => line.trimEnd()).join("\n").replace(/\n{3,}/g, "\n\n").trim();
}
function dropBlocks(html, tags) {
  const lower = html.toLowerCase();
  const next = new Map(tags.map((t) => [t, -1]));
  let out = "";
  let at = 0;
  for (; ; ) {
    let start = -1;
    let tag = "";
    for (const t of tags) {
      let i = next.get(t);
      if (i !== Infinity && i < at) next.set(t, (i = lower.indexOf(`<${t}`, at)) < 0 ? Infinity : i);
      i = next.get(t);
      if (i !== Infinity && (start < 0 || i < start)) [start, tag] = [i, t];
    }
    if (start < 0) return out + html.slice(at);
    out += html.slice(at, start);
    const end = lower.indexOf(`</${tag}`, start);
    if (end < 0) return out;
    const close = lower.indexOf(">", end);
    at = close < 0 ? html.length : close + 1;
  }
}
var EXTENSIONS = {
  "message/rfc822": ".eml",
  "application/pdf": ".pdf",
  "application/msword": ".doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
  "application/vnd.ms-excel": ".xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
  "application/zip": ".zip",
  "application/x-zip-compressed": ".zip",
  "application/x-rar-compressed": ".rar",
  "application/vnd.rar": ".rar",
  "application/x-7z-compressed": ".7z",
  "application/json": ".json",
  "application/x-yaml": ".yaml",
  "application/yaml": ".yaml",
  "text/yaml": ".yaml",
  "text/plain": ".txt",
  "text/html": ".html",
  "image/jpeg": ".jpg",
  "image/png": ".png",
  "image/gif": ".gif",
  "image/bmp": ".bmp",
  "image/tiff": ".tif",
  "image/webp": ".webp"
};
function attachmentName(attachment, contentType, n) {
  let name = attachment.filename ? repairLatin1(attachment.filename) : "";
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(/[\x00-\x1f\x7f]/g, "").trim();
  if (name === "." || name === "..") name = "";
  if (!name) return `\u9644\u4EF6${n}${EXTENSIONS[contentType] ?? ".bin"}`;
  if (contentType === "message/rfc822" && !/\.eml$/i.test(name)) name += ".eml";
  return name;
}
function unique(name, taken) {
  let candidate = name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${stem} (${i})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
export {
  DEFAULT_EML_LIMITS,
  NotMailError,
  decodeWords,
  htmlText,
  liftBase64Bodies,
  parseMailDate,
  readEml,
  repairLatin1
};
