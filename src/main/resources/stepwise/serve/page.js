// The live page: the editor's text is derived by the server after a short pause, changes on disk
// arrive as server-sent events, sliders ask for one statement at given values. Math is typeset by
// KaTeX, served from the jar. Only the newest answer to each kind of request is shown.
"use strict";

const PAUSE_MS = 300;      // after the last keystroke
const SLIDER_MS = 40;      // after the last slider movement
const editor = document.getElementById("editor");
const notes = document.getElementById("notes");
const problems = document.getElementById("problems");
const statusLine = document.getElementById("status");
const savedState = document.getElementById("saved-state");
const saveButton = document.getElementById("save");
const diskNotice = document.getElementById("disk-notice");

let savedText = "";        // the text as last read from or written to the file
let diskText = null;       // a change on disk waiting while the page has unsaved edits
let deriveSeq = 0;
let variantSeq = 0;
let typingTimer = null;
const sliderState = new Map(); // statement heading -> {values, mode, plotAgainst}

async function post(path, text) {
  const response = await fetch(path, { method: "POST", body: text, headers: { "X-Stepwise": "page", "Content-Type": "text/plain; charset=utf-8" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function typeset(root) {
  for (const el of root.querySelectorAll(".tex")) {
    if (el.dataset.typeset) continue;
    const source = el.textContent;
    try {
      katex.render(source, el, { displayMode: el.classList.contains("display"), throwOnError: true, strict: "ignore" });
    } catch (e) {
      el.textContent = source;
      el.classList.add("tex-error");
      el.title = String(e.message || e);
    }
    el.dataset.typeset = "1";
  }
}

function markSaved() {
  const unsaved = editor.value !== savedText;
  savedState.textContent = saveButton.disabled ? "not saved to a file" : unsaved ? "unsaved changes" : "saved";
  savedState.classList.toggle("unsaved", unsaved && !saveButton.disabled);
}

async function derive() {
  const seq = ++deriveSeq;
  statusLine.textContent = "deriving…";
  let answer;
  try {
    answer = await post("/api/derive", editor.value);
  } catch (e) {
    if (seq === deriveSeq) statusLine.textContent = "error: " + e.message;
    return;
  }
  if (seq !== deriveSeq || answer.status === "superseded") return;
  if (answer.status === "slow") {
    statusLine.textContent = "still deriving after " + (answer.bound_ms / 1000) + " s; the page shows the last result";
    return;
  }
  showProblems(answer.problems);
  if (!answer.parsed) {
    notes.classList.add("stale");
    statusLine.textContent = "syntax error: the derivations shown are from the last text that parsed";
    return;
  }
  notes.classList.remove("stale");
  render(answer.sections);
  const failed = answer.sections.filter(s => s.status === "failed").length;
  const unknown = answer.sections.filter(s => s.status === "unknown").length;
  const counted = answer.sections.filter(s => s.status !== "none").length;
  statusLine.textContent = "derived in " + answer.ms + " ms (" + answer.derived + " statements afresh) · " + counted + " results" +
      (failed ? ", " + failed + " FAILED" : unknown ? ", " + unknown + " with unknowns" : ", all verified") +
      (answer.problems.length ? " · " + answer.problems.length + " error" + (answer.problems.length > 1 ? "s" : "") : "");
}

function showProblems(list) {
  problems.replaceChildren();
  for (const p of list) {
    const div = document.createElement("div");
    div.className = "problem";
    const link = document.createElement("a");
    link.href = "#";
    link.textContent = "line " + p.line + ", column " + p.column;
    link.addEventListener("click", ev => { ev.preventDefault(); select(p.line, p.column, p.length); });
    div.append(link, ": " + p.message);
    const pre = document.createElement("pre");
    pre.textContent = p.rendered;
    div.append(pre);
    problems.append(div);
  }
}

function select(line, column, length) {
  const lines = editor.value.split("\n");
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
  at += Math.max(0, column - 1);
  editor.focus();
  editor.setSelectionRange(at, at + Math.max(1, length || 1));
}

function render(sections) {
  const fragment = document.createDocumentFragment();
  for (const s of sections) fragment.append(article(s));
  notes.replaceChildren(fragment);
  typeset(notes);
  for (const a of notes.querySelectorAll("article[data-has-knobs]")) {
    const state = sliderState.get(a.dataset.key);
    if (state && state.mode !== "written") requestVariant(a);
  }
}

function article(s) {
  const a = document.createElement("article");
  a.className = s.kind + " " + s.status;
  a.dataset.statement = s.statement;
  a.dataset.line = s.line;
  a.dataset.heading = s.heading;
  a.dataset.key = s.statement + ":" + s.heading;
  if (s.kind === "title") {
    const h = document.createElement("h2");
    h.textContent = s.heading;
    a.append(h);
    return a;
  }
  if (s.heading) a.append(heading(s));
  const body = document.createElement("div");
  body.className = "body";
  body.innerHTML = s.html;
  a.append(body);
  if (s.status !== "none") a.append(verification(s));
  if (s.knobs.length) a.append(knobs(a, s));
  return a;
}

function heading(s) {
  const h = document.createElement("h3");
  h.textContent = s.heading;
  if (s.line > 0) {
    const link = document.createElement("a");
    link.className = "line";
    link.href = "#";
    link.textContent = "line " + s.line;
    link.addEventListener("click", ev => { ev.preventDefault(); select(s.line, 1, 0); });
    h.append(link);
  }
  return h;
}

function verification(s) {
  const p = document.createElement("p");
  p.className = "verification";
  const mark = document.createElement("span");
  mark.className = "mark";
  mark.textContent = s.status === "ok" ? "✓ " : s.status === "failed" ? "✗ " : "? ";
  p.append(mark, s.verification);
  if (s.value !== undefined) {
    const value = document.createElement("span");
    value.className = "value";
    value.textContent = s.value;
    p.append(" · result: ", value);
  }
  return p;
}

function knobs(a, s) {
  a.dataset.hasKnobs = "1";
  const key = a.dataset.key;
  const state = sliderState.get(key) || { values: {}, mode: "written", plotAgainst: null };
  sliderState.set(key, state);
  const panel = document.createElement("div");
  panel.className = "knobs";
  const modes = document.createElement("span");
  modes.className = "modes";
  const symbolic = button(s.kind === "sweep" ? "symbolic form" : "symbolic form (as written)", "symbolic");
  const values = button("at these values", "values");
  modes.append(symbolic, " ", values);
  panel.append(modes);
  for (const k of s.knobs) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "range";
    input.min = k.min; input.max = k.max; input.step = k.step;
    input.value = state.values[k.id] !== undefined ? state.values[k.id] : k.initial;
    input.dataset.knob = k.id;
    input.setAttribute("aria-label", k.label);
    const out = document.createElement("output");
    out.textContent = input.value;
    let timer = null;
    input.addEventListener("input", () => {
      out.textContent = input.value;
      state.values[k.id] = input.value;
      state.mode = "values";
      state.plotAgainst = k.id;
      clearTimeout(timer);
      timer = setTimeout(() => requestVariant(a), SLIDER_MS);
    });
    label.append(k.label + " ", input, out);
    panel.append(label);
  }
  const hint = document.createElement("div");
  hint.className = "hint";
  hint.textContent = "Move a slider: the derivation is done again at that value, and verified.";
  panel.append(hint);
  const variant = document.createElement("div");
  variant.className = "variant";
  variant.hidden = true;
  const plot = document.createElement("div");
  plot.className = "plot";
  const wrapper = document.createDocumentFragment();
  wrapper.append(panel, plot, variant);
  symbolic.addEventListener("click", () => { state.mode = s.kind === "sweep" ? "symbolic" : "written"; requestVariant(a); });
  values.addEventListener("click", () => { state.mode = "values"; requestVariant(a); });
  const holder = document.createElement("div");
  holder.className = "whatif";
  holder.append(wrapper);
  return holder;

  function button(text, mode) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.dataset.mode = mode;
    return b;
  }
}

async function requestVariant(a) {
  const state = sliderState.get(a.dataset.key);
  const variant = a.querySelector(".variant");
  const plot = a.querySelector(".plot");
  for (const b of a.querySelectorAll(".modes button")) b.classList.toggle("active", b.dataset.mode === (state.mode === "written" ? "symbolic" : state.mode));
  if (state.mode === "written") {
    a.classList.remove("showing-variant");
    variant.hidden = true;
    return;
  }
  const params = new URLSearchParams({ statement: a.dataset.statement, symbolic: state.mode === "symbolic" ? "1" : "0" });
  for (const input of a.querySelectorAll("input[data-knob]")) params.set("v." + input.dataset.knob, input.value);
  if (state.plotAgainst) params.set("plot", state.plotAgainst);
  const seq = ++variantSeq;
  a.dataset.pending = "1";
  let answer;
  try {
    answer = await post("/api/variant?" + params, editor.value);
  } catch (e) {
    if (seq === variantSeq) { variant.hidden = false; variant.textContent = "error: " + e.message; }
    return;
  }
  if (seq !== variantSeq || answer.status !== "done") return;
  delete a.dataset.pending;
  const s = answer.section;
  variant.className = "variant " + s.status;
  variant.replaceChildren(heading(s));
  const body = document.createElement("div");
  body.className = "body";
  body.innerHTML = s.html;
  variant.append(body, verification(s));
  variant.hidden = false;
  variant.dataset.values = params.toString();
  a.classList.toggle("showing-variant", true);
  if (answer.plot) plot.innerHTML = answer.plot;
  typeset(variant);
  statusLine.textContent = "derived " + s.heading.replace(/^derive /, "") + " in " + answer.ms + " ms";
}

async function save() {
  if (saveButton.disabled) return;
  const text = editor.value;
  try {
    await post("/api/save", text);
    savedText = text;
    statusLine.textContent = "saved";
  } catch (e) {
    statusLine.textContent = "not saved: " + e.message;
  }
  markSaved();
}

function followDisk() {
  const source = new EventSource("/api/events");
  source.addEventListener("file", ev => {
    const text = JSON.parse(ev.data).text;
    if (text === editor.value) { savedText = text; markSaved(); return; }
    if (editor.value === savedText) { loadText(text); return; }
    diskText = text;
    diskNotice.hidden = false;
  });
}

function loadText(text) {
  const at = editor.selectionStart;
  editor.value = text;
  editor.setSelectionRange(Math.min(at, text.length), Math.min(at, text.length));
  savedText = text;
  diskText = null;
  diskNotice.hidden = true;
  markSaved();
  derive();
}

async function start() {
  const file = await (await fetch("/api/file")).json();
  document.getElementById("file-name").textContent = file.name;
  document.title = file.name + " · Stepwise";
  saveButton.disabled = !file.saveable;
  editor.value = file.text;
  savedText = file.text;
  markSaved();
  editor.addEventListener("input", () => {
    markSaved();
    clearTimeout(typingTimer);
    typingTimer = setTimeout(derive, PAUSE_MS);
  });
  saveButton.addEventListener("click", save);
  document.addEventListener("keydown", ev => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "s") { ev.preventDefault(); save(); }
  });
  document.getElementById("load-disk").addEventListener("click", () => loadText(diskText));
  document.getElementById("keep-page").addEventListener("click", () => { diskNotice.hidden = true; });
  followDisk();
  await derive();
  document.body.dataset.ready = "1";
}

start();
