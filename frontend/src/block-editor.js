// The newsroom's block editor, over a Markdown textarea that works without it. It edits a body
// with Tiptap and sends the server Byline's block document (dev.byline.content.BlockDocument):
// {"version": 1, "blocks": [...]} in a hidden field. The server checks that document and turns
// it into the body; this script only proposes one. esbuild bundles it with Tiptap at build time.
import { Editor, Node } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { ListItem } from "@tiptap/extension-list";
import { TextSelection } from "@tiptap/pm/state";

const VERSION = 1;
const PREFERENCE = "byline.bodyFormat";

// Hosts whose links become embeds, as dev.byline.content.Markdown.EMBED_HOSTS; the server decides.
const EMBED_HOSTS = {
  "youtube.com": "YouTube", "youtu.be": "YouTube", "youtube-nocookie.com": "YouTube",
  "vimeo.com": "Vimeo", "x.com": "X", "twitter.com": "X", "instagram.com": "Instagram",
  "soundcloud.com": "SoundCloud", "tiktok.com": "TikTok", "open.spotify.com": "Spotify",
  "flickr.com": "Flickr", "bsky.app": "Bluesky", "mastodon.social": "Mastodon"
};

function embedProvider(url) {
  try {
    const u = new URL(url);
    if (u.protocol !== "https:") return null;
    return EMBED_HOSTS[u.hostname.toLowerCase().replace(/^(www|m|music)\./, "")] || null;
  } catch (e) {
    return null;
  }
}

function esc(s) {
  return String(s == null ? "" : s)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// A plain-text field of a block (caption, credit, who is quoted, an embed's title). Its label is
// drawn by CSS from data-label, so the field holds nothing but what the editor types.
function textField(name, tag, cls, label, inline) {
  return Node.create({
    name,
    content: inline ? "inline*" : "text*",
    marks: inline ? "_" : "",
    defining: true,
    selectable: false,
    parseHTML() {
      return [{ tag: tag + "." + cls, priority: 60 }];
    },
    renderHTML() {
      return [tag, { class: cls, "data-label": label }, 0];
    },
    addKeyboardShortcuts() {
      return { Enter: () => nextField(this.editor, name) };
    }
  });
}

// Enter in a field goes to the block's next field, or after the last one to a new paragraph.
function nextField(editor, name) {
  const { state, view } = editor;
  const { $from } = state.selection;
  if ($from.parent.type.name !== name) return false;
  const depth = $from.depth - 1;
  const block = $from.node(depth);
  let tr = state.tr;
  if ($from.index(depth) < block.childCount - 1) {
    tr = tr.setSelection(TextSelection.create(state.doc, $from.after() + 1));
  } else {
    const after = $from.after(depth);
    tr = tr.insert(after, state.schema.nodes.paragraph.create());
    tr = tr.setSelection(TextSelection.create(tr.doc, after + 1));
  }
  view.dispatch(tr.scrollIntoView());
  return true;
}

// A node attribute kept in a data-* attribute of its HTML; key is the attribute's name in the node.
function dataAttr(name, parse, key = name) {
  return {
    default: null,
    parseHTML: (el) => (parse ? parse(el.getAttribute("data-" + name)) : el.getAttribute("data-" + name)),
    renderHTML: (attrs) => (attrs[key] == null ? {} : { ["data-" + name]: attrs[key] })
  };
}

const Photo = Node.create({
  name: "photo",
  group: "block",
  content: "photoCaption photoCredit",
  draggable: true,
  isolating: true,
  addAttributes() {
    // alt is the block's own (empty: the photo desk's, as readers get it); deskAlt only shows it here.
    return { photo: dataAttr("photo", Number), alt: dataAttr("alt"), deskAlt: dataAttr("desk-alt", null, "deskAlt"), src: dataAttr("src") };
  },
  parseHTML() {
    return [{ tag: "figure.be-photo", contentElement: "div.be-photo-body" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const alt = node.attrs.alt || node.attrs.deskAlt || "Photo " + node.attrs.photo + " (no alt text yet)";
    return ["figure", { ...HTMLAttributes, class: "be-photo" },
      node.attrs.src
        ? ["img", { src: node.attrs.src, alt, contenteditable: "false" }]
        : ["p", { class: "be-photo-missing", contenteditable: "false" }, alt],
      ["p", { class: "be-block-name", contenteditable: "false" }, "Photo " + node.attrs.photo],
      ["div", { class: "be-photo-body" }, 0]];
  }
});

const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "quoteText quoteCite",
  isolating: true,
  parseHTML() {
    return [{ tag: "blockquote.be-quote" }];
  },
  renderHTML() {
    return ["blockquote", { class: "be-quote" }, 0];
  }
});

const Embed = Node.create({
  name: "embed",
  group: "block",
  content: "embedTitle",
  draggable: true,
  isolating: true,
  addAttributes() {
    return { url: dataAttr("url") };
  },
  parseHTML() {
    return [{ tag: "figure.be-embed", contentElement: "div.be-embed-body" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["figure", { ...HTMLAttributes, class: "be-embed" },
      ["p", { class: "be-block-name", contenteditable: "false" },
        (embedProvider(node.attrs.url) || "Embed") + ": " + node.attrs.url],
      ["div", { class: "be-embed-body" }, 0]];
  }
});

// Blocks the block editor keeps but does not edit: a pinned related article and raw HTML
// (a table or code from Markdown). Switch to Markdown to change them.
const Related = Node.create({
  name: "related",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { article: dataAttr("article", Number) };
  },
  parseHTML() {
    return [{ tag: "aside.be-related" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ["aside", { ...HTMLAttributes, class: "be-related" },
      "Related article " + node.attrs.article + " (change it in Markdown)"];
  }
});

const RawHtml = Node.create({
  name: "rawHtml",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { html: dataAttr("html") };
  },
  parseHTML() {
    return [{ tag: "div.be-raw" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const text = (node.attrs.html || "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    return ["div", { ...HTMLAttributes, class: "be-raw" },
      "HTML block (change it in Markdown): " + (text.length > 80 ? text.slice(0, 80) + "…" : text)];
  }
});

const EXTENSIONS = [
  StarterKit.configure({
    blockquote: false,
    codeBlock: false,
    horizontalRule: false,
    underline: false,
    listItem: false,
    heading: { levels: [2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url)
    }
  }),
  // Tab always leaves the text for the next control, as everywhere else on the page; a body's
  // lists are one level deep anyway, so list items do not take Tab to indent.
  ListItem.extend({
    addKeyboardShortcuts() {
      return { Enter: () => this.editor.commands.splitListItem(this.name) };
    }
  }),
  Photo,
  textField("photoCaption", "figcaption", "be-caption", "Caption (empty: the photo desk's)", false),
  textField("photoCredit", "p", "be-credit", "Credit (empty: the photo desk's)", false),
  PullQuote,
  textField("quoteText", "p", "be-quote-text", "Quote", true),
  textField("quoteCite", "p", "be-cite", "Who said it", false),
  Embed,
  textField("embedTitle", "p", "be-embed-title", "Title readers see before they start it (optional)", false),
  Related,
  RawHtml
];

// ---- The block document: Tiptap's document to Byline's and back.

const MARK_TAGS = { bold: "strong", italic: "em", strike: "s", code: "code" };

function inlineHtml(node) {
  let out = "";
  node.forEach((child) => {
    if (child.isText) {
      let html = esc(child.text).replace(/&quot;/g, '"');
      for (let i = child.marks.length - 1; i >= 0; i--) {
        const mark = child.marks[i];
        if (mark.type.name === "link") html = '<a href="' + esc(mark.attrs.href) + '">' + html + "</a>";
        else if (MARK_TAGS[mark.type.name]) {
          const tag = MARK_TAGS[mark.type.name];
          html = "<" + tag + ">" + html + "</" + tag + ">";
        }
      }
      out += html;
    } else if (child.type.name === "hardBreak") {
      out += "<br>";
    }
  });
  return out;
}

function listItems(list, items) {
  list.forEach((item) => {
    const parts = [];
    item.forEach((child) => {
      if (child.type.name === "paragraph" && child.textContent.trim()) parts.push(inlineHtml(child));
    });
    if (parts.length) items.push(parts.join(" "));
    item.forEach((child) => {
      if (child.type.name === "bulletList" || child.type.name === "orderedList") listItems(child, items);
    });
  });
  return items;
}

function toDocument(doc) {
  const blocks = [];
  doc.forEach((node) => {
    const a = node.attrs;
    switch (node.type.name) {
      case "paragraph":
        if (node.textContent.trim()) blocks.push({ type: "paragraph", html: inlineHtml(node) });
        break;
      case "heading":
        if (node.textContent.trim()) blocks.push({ type: "heading", level: a.level, text: node.textContent });
        break;
      case "bulletList":
      case "orderedList": {
        const items = listItems(node, []);
        if (items.length) blocks.push({ type: "list", ordered: node.type.name === "orderedList", items });
        break;
      }
      case "pullQuote":
        if (node.child(0).textContent.trim())
          blocks.push({ type: "quote", html: inlineHtml(node.child(0)), cite: node.child(1).textContent });
        break;
      case "photo":
        blocks.push({ type: "image", photo: a.photo, caption: node.child(0).textContent,
          credit: node.child(1).textContent, alt: a.alt || "" });
        break;
      case "embed":
        blocks.push({ type: "embed", url: a.url, title: node.child(0).textContent });
        break;
      case "related":
        blocks.push({ type: "related", article: a.article });
        break;
      case "rawHtml":
        blocks.push({ type: "html", html: a.html });
        break;
    }
  });
  return JSON.stringify({ version: VERSION, blocks });
}

// The block document as HTML that the schema above parses. Inline HTML in it was sanitised by the
// server; Tiptap parses it in an inert document and keeps only what the schema knows.
function toHtml(document, thumbs) {
  return (document.blocks || []).map((b) => {
    switch (b.type) {
      case "paragraph":
        return "<p>" + b.html + "</p>";
      case "heading":
        return "<h" + b.level + ">" + esc(b.text) + "</h" + b.level + ">";
      case "list": {
        const tag = b.ordered ? "ol" : "ul";
        return "<" + tag + ">" + b.items.map((i) => "<li><p>" + i + "</p></li>").join("") + "</" + tag + ">";
      }
      case "quote":
        return '<blockquote class="be-quote"><p class="be-quote-text">' + b.html +
          '</p><p class="be-cite">' + esc(b.cite) + "</p></blockquote>";
      case "image":
        return '<figure class="be-photo" data-photo="' + esc(b.photo) + '" data-alt="' + esc(b.alt) + '"' +
          (thumbs.has(b.photo)
            ? ' data-src="' + esc(thumbs.get(b.photo).thumb) + '" data-desk-alt="' + esc(thumbs.get(b.photo).alt) + '"'
            : "") +
          '><div class="be-photo-body"><figcaption class="be-caption">' + esc(b.caption) +
          '</figcaption><p class="be-credit">' + esc(b.credit) + "</p></div></figure>";
      case "embed":
        return '<figure class="be-embed" data-url="' + esc(b.url) + '"><div class="be-embed-body">' +
          '<p class="be-embed-title">' + esc(b.title) + "</p></div></figure>";
      case "related":
        return '<aside class="be-related" data-article="' + esc(b.article) + '"></aside>';
      case "html":
        return '<div class="be-raw" data-html="' + esc(b.html) + '"></div>';
      default:
        return "";
    }
  }).join("");
}

// ---- The page: a switch between the editors, a toolbar, dialogs.

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function request(url, options) {
  return fetch(url, Object.assign({ credentials: "same-origin" }, options)).then((r) =>
    r.json().catch(() => ({})).then((json) => ({ ok: r.ok, status: r.status, json })));
}

let dialogs = 0;

// A modal dialog: the browser moves focus into it, Escape closes it, and focus goes back to the
// editor when it closes.
function dialog(title, onClose) {
  const id = "be-dialog-" + ++dialogs;
  const status = el("p", { class: "be-dialog-status", role: "status", "aria-live": "polite" });
  const body = el("div", { class: "be-dialog-body" });
  const close = el("button", { type: "button", class: "button", onclick: () => d.close() }, "Cancel");
  const d = el("dialog", { class: "be-dialog", "aria-labelledby": id },
    el("h2", { id }, title), body, status, el("p", { class: "be-dialog-actions" }, close));
  d.addEventListener("close", onClose);
  document.body.append(d);
  return { d, body, say: (t) => (status.textContent = t) };
}

function mount(container) {
  const formatInput = container.querySelector("[data-format]");
  const docInput = container.querySelector("[data-document]");
  const textarea = container.querySelector("[data-markdown]");
  const markdownPane = container.querySelector(".markdown-pane");
  const main = document.getElementById("main");
  const csrf = main ? main.getAttribute("data-csrf") : "";
  const label = container.getAttribute("data-label");
  const name = textarea.id;
  const thumbs = new Map();
  const headers = { "X-CSRF-Token": csrf, Accept: "application/json" };

  const status = el("p", { class: "be-status", id: name + "-be-status", role: "status", "aria-live": "polite" });
  const say = (text) => (status.textContent = text);

  const radio = (value, text) => el("span", { class: "be-mode" },
    el("input", { type: "radio", name: name + "-mode", id: name + "-mode-" + value, value }),
    el("label", { for: name + "-mode-" + value }, text));
  const modes = el("fieldset", { class: "be-modes" },
    el("legend", {}, "Write the " + label.toLowerCase() + " with"),
    radio("blocks", "Block editor"), radio("markdown", "Markdown"));
  const blocksRadio = modes.querySelector("[value=blocks]");
  const markdownRadio = modes.querySelector("[value=markdown]");

  const toolbar = el("div", { class: "be-toolbar", role: "group", "aria-label": label + " formatting" });
  const host = el("div", { class: "be-host" });
  const blockPane = el("div", { class: "block-pane", hidden: true },
    el("p", { class: "be-label", id: name + "-be-label" }, label + " (block editor)"),
    el("p", { class: "hint", id: name + "-be-hint" },
      "Tab reaches the buttons, then the text. Ctrl+B bold, Ctrl+I italic, Enter moves from a caption to the next field. " +
      "Paste a YouTube or other video link into an empty paragraph to embed it; drop a photo file on the text to upload it."),
    toolbar, host);
  container.insertBefore(modes, markdownPane);
  container.append(blockPane, status);

  const editor = new Editor({
    element: host,
    extensions: EXTENSIONS,
    content: "",
    // The admin's Content-Security-Policy allows no inline styles; admin.css carries Tiptap's few rules.
    injectCSS: false,
    editorProps: {
      attributes: {
        class: "be-content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": name + "-be-label",
        "aria-describedby": name + "-be-hint"
      },
      handlePaste: (view, event) => paste(event),
      handleDrop: (view, event, slice, moved) => drop(view, event, moved)
    },
    onUpdate: () => sync(),
    onTransaction: () => refresh()
  });

  function sync() {
    docInput.value = toDocument(editor.state.doc);
    docInput.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Puts a block after the one the cursor is in (or in place of an empty paragraph) and the
  // cursor in its first field.
  function insertBlock(json, at) {
    const node = editor.schema.nodeFromJSON(json);
    const { state, view } = editor;
    const $from = at == null ? state.selection.$from : state.doc.resolve(at);
    let tr = state.tr;
    let pos;
    if ($from.depth === 0) {
      pos = $from.pos;
      tr = tr.insert(pos, node);
    } else {
      const top = $from.node(1);
      const start = $from.before(1);
      if (top.type.name === "paragraph" && top.content.size === 0) {
        tr = tr.replaceWith(start, start + top.nodeSize, node);
        pos = start;
      } else {
        pos = $from.after(1);
        tr = tr.insert(pos, node);
      }
    }
    tr = tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(pos + 2, tr.doc.content.size))));
    view.dispatch(tr.scrollIntoView());
    view.focus();
  }

  function photoJson(p) {
    thumbs.set(p.id, p);
    return { type: "photo", attrs: { photo: p.id, alt: "", deskAlt: p.alt || "", src: p.thumb },
      content: [{ type: "photoCaption" }, { type: "photoCredit" }] };
  }

  function embedJson(url) {
    return { type: "embed", attrs: { url }, content: [{ type: "embedTitle" }] };
  }

  function paste(event) {
    const data = event.clipboardData;
    if (!data) return false;
    const files = imageFiles(data);
    if (files.length) {
      files.forEach((f) => upload(f, null));
      return true;
    }
    const text = (data.getData("text/plain") || "").trim();
    const { $from } = editor.state.selection;
    if (/^https:\/\/\S+$/.test(text) && embedProvider(text)
        && $from.parent.type.name === "paragraph" && $from.parent.content.size === 0) {
      insertBlock(embedJson(text));
      say(embedProvider(text) + " link embedded. Readers start it themselves.");
      return true;
    }
    return false;
  }

  function imageFiles(data) {
    return Array.from((data && data.files) || []).filter((f) => /^image\//.test(f.type));
  }

  function drop(view, event, moved) {
    if (moved) return false;
    const files = imageFiles(event.dataTransfer);
    if (!files.length) return false;
    event.preventDefault();
    const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
    files.forEach((f) => upload(f, at ? at.pos : null));
    return true;
  }

  function upload(file, at) {
    say("Uploading " + file.name + " to the photo desk…");
    const data = new FormData();
    data.append("file", file);
    return request(container.getAttribute("data-upload"), { method: "POST", body: data, headers })
      .then((r) => {
        if (!r.ok) {
          say("Not uploaded: " + (r.json.error || "the server refused it (" + r.status + ")."));
          return null;
        }
        insertBlock(photoJson(r.json), at);
        say("Photo " + r.json.id + " uploaded to the photo desk and placed. Write its caption.");
        return r.json;
      })
      .catch(() => say("Not uploaded: the server could not be reached."));
  }

  // ---- Toolbar

  const chain = () => editor.chain().focus();
  const buttons = [];
  function button(text, run, active) {
    const b = el("button", { type: "button", class: "be-button", "aria-pressed": active ? "false" : null,
      onmousedown: (e) => e.preventDefault(), onclick: run }, text);
    buttons.push({ b, active });
    toolbar.append(b);
  }
  button("Paragraph", () => chain().setParagraph().run(), () => editor.isActive("paragraph"));
  button("Heading", () => chain().toggleHeading({ level: 2 }).run(), () => editor.isActive("heading", { level: 2 }));
  button("Subheading", () => chain().toggleHeading({ level: 3 }).run(), () => editor.isActive("heading", { level: 3 }));
  button("Bold", () => chain().toggleBold().run(), () => editor.isActive("bold"));
  button("Italic", () => chain().toggleItalic().run(), () => editor.isActive("italic"));
  button("Link…", () => openLink());
  button("Bulleted list", () => chain().toggleBulletList().run(), () => editor.isActive("bulletList"));
  button("Numbered list", () => chain().toggleOrderedList().run(), () => editor.isActive("orderedList"));
  button("Quote", () => insertBlock({ type: "pullQuote", content: [{ type: "quoteText" }, { type: "quoteCite" }] }));
  button("Photo…", () => openPicker());
  button("Embed…", () => openEmbed());
  button("Undo", () => chain().undo().run());
  button("Redo", () => chain().redo().run());

  function refresh() {
    for (const { b, active } of buttons) if (active) b.setAttribute("aria-pressed", active() ? "true" : "false");
  }

  const backToEditor = () => editor.commands.focus();

  // ---- Link dialog

  const link = dialog("Link", backToEditor);
  const linkInput = el("input", { type: "url", id: name + "-be-link", autocomplete: "off" });
  link.body.append(el("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); applyLink(); } },
    el("label", { for: name + "-be-link" }, "Link address (https://…)"), linkInput,
    el("p", {}, el("button", { type: "submit", class: "button primary" }, "Apply link"), " ",
      el("button", { type: "button", class: "button", onclick: () => {
        chain().extendMarkRange("link").unsetLink().run();
        link.d.close();
      } }, "Remove link"))));
  function openLink() {
    linkInput.value = editor.getAttributes("link").href || "";
    link.say("");
    link.d.showModal();
  }
  function applyLink() {
    const href = linkInput.value.trim();
    if (!/^(https?:\/\/|mailto:)\S+$/i.test(href)) {
      link.say("A link must start with https://, http:// or mailto:.");
      return;
    }
    chain().extendMarkRange("link").setLink({ href }).run();
    link.d.close();
  }

  // ---- Embed dialog

  const embed = dialog("Embed a video or post", backToEditor);
  const embedInput = el("input", { type: "url", id: name + "-be-embed", autocomplete: "off" });
  embed.body.append(el("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); applyEmbed(); } },
    el("label", { for: name + "-be-embed" }, "Link to the video or post (YouTube, Vimeo, X, Instagram, Bluesky…)"),
    embedInput, el("p", {}, el("button", { type: "submit", class: "button primary" }, "Embed"))));
  function openEmbed() {
    embedInput.value = "";
    embed.say("");
    embed.d.showModal();
  }
  function applyEmbed() {
    const url = embedInput.value.trim();
    if (!embedProvider(url)) {
      embed.say("That is not a link the site can embed: use an https link to YouTube, Vimeo, X, Instagram, Bluesky, Mastodon, SoundCloud, Spotify, TikTok or Flickr.");
      return;
    }
    embed.d.close();
    insertBlock(embedJson(url));
  }

  // ---- Photo picker: the photo desk's library, searchable, and an upload

  const picker = dialog("Choose a photo from the photo desk", backToEditor);
  const query = el("input", { type: "search", id: name + "-be-q" });
  const list = el("ul", { class: "be-picker" });
  const more = el("button", { type: "button", class: "button", hidden: true, onclick: () => load(page + 1) }, "More photos");
  const file = el("input", { type: "file", id: name + "-be-file", accept: "image/jpeg,image/png,image/webp,image/gif" });
  let page = 1;
  picker.body.append(
    el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); load(1); } },
      el("label", { for: name + "-be-q" }, "Caption, credit or alt text contains"), query,
      el("button", { type: "submit", class: "button" }, "Search")),
    list, el("p", {}, more),
    el("div", { class: "field" }, el("label", { for: name + "-be-file" }, "Or upload a new photo"), file));
  file.addEventListener("change", () => {
    if (!file.files.length) return;
    picker.say("Uploading…");
    const chosen = file.files[0];
    picker.d.close();
    upload(chosen, null);
    file.value = "";
  });
  function load(p) {
    page = p;
    picker.say("Loading photos…");
    const url = container.getAttribute("data-picker") + "?q=" + encodeURIComponent(query.value.trim()) + "&page=" + p;
    request(url, { headers }).then((r) => {
      if (!r.ok) {
        picker.say("The photo desk could not be read (" + r.status + ").");
        return;
      }
      if (p === 1) list.textContent = "";
      for (const photo of r.json.photos) {
        const caption = photo.caption || "no caption";
        list.append(el("li", {}, el("button", { type: "button", class: "be-pick", "data-photo": photo.id,
          onclick: () => { picker.d.close(); insertBlock(photoJson(photo)); say("Photo " + photo.id + " placed. Write its caption."); } },
        el("img", { src: photo.thumb, alt: "", width: 120, height: Math.round(120 * photo.height / photo.width) }),
        el("span", {}, "Photo " + photo.id + ": " + caption + (photo.alt ? "" : " (no alt text yet)")))));
      }
      more.hidden = !r.json.next;
      picker.say(list.children.length ? list.children.length + " photos shown." : "No photos match.");
    }).catch(() => picker.say("The photo desk could not be reached."));
  }
  function openPicker() {
    picker.d.showModal();
    load(1);
  }

  // ---- Switching between the block editor and Markdown

  function open(json) {
    let document;
    try {
      document = JSON.parse(json);
    } catch (e) {
      document = { version: VERSION, blocks: [] };
    }
    const ids = (document.blocks || []).filter((b) => b.type === "image" && !thumbs.has(b.photo)).map((b) => b.photo);
    const ready = ids.length
      ? request(container.getAttribute("data-picker") + "?ids=" + ids.join(","), { headers })
        .then((r) => { if (r.ok) r.json.photos.forEach((p) => thumbs.set(p.id, p)); })
        .catch(() => {})
      : Promise.resolve();
    return ready.then(() => {
      editor.commands.setContent(toHtml(document, thumbs), { emitUpdate: false });
      docInput.value = json;
    });
  }

  function show(format) {
    const blocks = format === "blocks";
    blockPane.hidden = !blocks;
    markdownPane.hidden = blocks;
    formatInput.value = blocks ? "blocks" : "markdown";
    blocksRadio.checked = blocks;
    markdownRadio.checked = !blocks;
    textarea.disabled = false;
  }

  function toBlocks() {
    say("Opening in the block editor…");
    const body = new URLSearchParams({ markdown: textarea.value });
    return request(container.getAttribute("data-to-blocks"), { method: "POST", body, headers }).then((r) => {
      if (!r.ok) {
        show("markdown");
        say("Still in Markdown: " + (r.json.error || "the server refused the text") + ". Fix it, then switch again.");
        return;
      }
      return open(r.json.document).then(() => {
        show("blocks");
        remember("blocks");
        say("");
      });
    }).catch(() => { show("markdown"); say("Still in Markdown: the server could not be reached."); });
  }

  function toMarkdown() {
    sync();
    const body = new URLSearchParams({ document: docInput.value });
    return request(container.getAttribute("data-to-markdown"), { method: "POST", body, headers }).then((r) => {
      if (!r.ok) {
        show("blocks");
        say("Still in the block editor: " + (r.json.error || "the server refused the body") + ".");
        return;
      }
      textarea.value = r.json.markdown;
      show("markdown");
      remember("markdown");
      say("");
    }).catch(() => { show("blocks"); say("Still in the block editor: the server could not be reached."); });
  }

  function remember(format) {
    try {
      localStorage.setItem(PREFERENCE, format);
    } catch (e) { /* private browsing: the choice lasts for this page */ }
  }

  // The error summary links to the textarea; in the block editor the text is where to go.
  document.querySelectorAll('a[href="#' + name + '"]').forEach((a) => a.addEventListener("click", (e) => {
    if (formatInput.value !== "blocks") return;
    e.preventDefault();
    editor.commands.focus();
  }));

  blocksRadio.addEventListener("change", () => { if (blocksRadio.checked) toBlocks(); });
  markdownRadio.addEventListener("change", () => { if (markdownRadio.checked) toMarkdown(); });

  let preferred = container.getAttribute("data-preferred");
  if (!preferred) {
    try {
      preferred = localStorage.getItem(PREFERENCE);
    } catch (e) { preferred = null; }
  }
  if (preferred === "blocks" && docInput.value) {
    open(docInput.value).then(() => show("blocks"));
  } else if (preferred === "blocks") {
    toBlocks();
  } else {
    show("markdown");
  }
  container.setAttribute("data-ready", "");
}

document.querySelectorAll("[data-block-editor]").forEach(mount);
