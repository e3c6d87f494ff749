// The resgestae page: a thin client of the /v1 API. No network access beyond the
// server it came from: d3 modules and the country outlines are in this bundle.
import { axisBottom, axisLeft } from "d3-axis";
import {
  forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY,
} from "d3-force";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { scaleLinear, scaleOrdinal, scaleSqrt, scaleTime } from "d3-scale";
import { select } from "d3-selection";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLORS = ["#1b9e77", "#4a6fa5", "#66a61e", "#a6cee3", "#33a02c", "#b2df8a", "#8dd3c7",
  "#80b1d3", "#fdb462", "#fb8072", "#e31a1c", "#ff7f00", "#984ea3", "#bc80bd", "#a6761d", "#7a2e1f"];
const color = scaleOrdinal(TYPES, COLORS);
const COUNTRIES = feature(world, world.objects.countries);

// GDELT QuadClass colours: verbal/material cooperation, verbal/material conflict
const QUAD_COLORS = { 1: "#2b8cbe", 2: "#31a354", 3: "#fd8d3c", 4: "#de2d26", 0: "#999" };
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
  4: "material conflict" };
const FILTERS = ["actor", "country", "type", "since", "until", "place_country", "place",
  "factuality", "min_confidence", "text", "article"];
const VIEW = ["net", "top"];  // page settings kept in the URL with the filters

const state = { filters: {}, cursor: null, rows: [], selected: null };
const $ = (id) => document.getElementById(id);

function status(text) { $("status").textContent = text || ""; }

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function api(path, params = {}) {
  const response = await fetch(`/v1/${path}${query(params)}`, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
  return body;
}

function names(entities) { return (entities || []).map((e) => e.name || e.text).join("; "); }

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

// -- events table -------------------------------------------------------------------

function countries(entities) {
  return [...new Set((entities || []).map((e) => e.country).filter(Boolean))].join(" ");
}

function sectors(entities) {
  return [...new Set((entities || []).map((e) => e.sector).filter(Boolean))].join(" ");
}

function addRows(events) {
  const body = $("events").tBodies[0];
  for (const event of events) {
    const row = el("tr", { "data-id": event.id });
    if (event.corrected) row.classList.add(event.corrected.wrong ? "wrong" : "corrected");
    const type = el("td");
    type.append(el("span", { class: "type", style: `color:${color(event.event_type)}` }, event.event_type));
    if (event.corrected) {
      type.append(el("span", { class: "flag", title: `corrected by ${event.corrected.by.join(", ")}: ` +
        (event.corrected.wrong ? "wrong" : event.corrected.fields.join(", ")) }, " ✎"));
    }
    const place = event.location ? `${event.location.name || ""} ${event.location.country || ""}`.trim() : "";
    row.append(el("td", {}, event.date || "-"), type, el("td", {}, names(event.actor)),
      el("td", { class: "code" }, countries(event.actor)), el("td", { class: "code" }, sectors(event.actor)),
      el("td", {}, names(event.recipient)), el("td", { class: "code" }, countries(event.recipient)),
      el("td", {}, place), el("td", {}, event.factuality || ""),
      el("td", { class: "num" }, event.confidence !== null && event.confidence !== undefined ? event.confidence.toFixed(2) : ""),
      el("td", {}, event.trigger || ""));
    row.addEventListener("click", () => showEvent(event.id));
    body.append(row);
  }
}

async function loadEvents(reset) {
  if (reset) { state.rows = []; state.cursor = null; $("events").tBodies[0].replaceChildren(); }
  const page = await api("events", { ...state.filters, cursor: state.cursor, limit: 100 });
  state.rows.push(...page.events);
  state.cursor = page.next_cursor;
  addRows(page.events);
  $("more").hidden = !page.next_cursor;
  drawDots();
}

// -- evidence ------------------------------------------------------------------------

function highlighted(text, marks) {
  // marks are [start, end) character ranges in the sentence, sorted and disjoint
  const out = el("p", { class: "sentence", id: "sentence" });
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    out.append(document.createTextNode(text.slice(at, m.start)));
    out.append(el("mark", { class: m.role, title: m.role }, text.slice(m.start, m.end)));
    at = m.end;
  }
  out.append(document.createTextNode(text.slice(at)));
  return out;
}

function meta(pairs) {
  const dl = el("dl", { class: "meta" });
  for (const [k, v] of pairs) if (v) dl.append(el("dt", {}, k), el("dd", {}, v));
  return dl;
}

async function showEvent(id) {
  state.selected = id;
  for (const row of $("events").tBodies[0].rows) row.classList.toggle("selected", row.dataset.id === id);
  select("#map").selectAll(".dot").classed("selected", (d) => d.id === id);
  const detail = await api(`events/${encodeURIComponent(id)}`);
  const e = detail.event;
  const box = $("evidence");
  box.replaceChildren();
  const article = detail.article || {};
  box.append(el("p", { class: "context" }, article.before ? `…${article.before.slice(-160)}` : ""));
  box.append(highlighted(e.text, detail.highlights));
  box.append(el("p", { class: "context" }, article.after ? `${article.after.slice(0, 160)}…` : ""));
  const place = e.location ? `${e.location.name} (${e.location.country || "?"})` : null;
  box.append(meta([
    ["type", [e.event_type, e.mode].filter(Boolean).join(" / ") + (e.cameo ? ` (CAMEO ${e.cameo})` : "")],
    ["actor", names(e.actor)], ["recipient", names(e.recipient)], ["factuality", e.factuality],
    ["date", e.date ? `${e.date}${e.date_text ? ` ("${e.date_text}")` : ""}` : null], ["place", place],
    ["article", [article.title, article.date].filter(Boolean).join(", ") || e.article_id],
    ["reports", `${e.mentions} in ${e.article_ids.length} article(s)`], ["id", e.id],
    ["QuadClass", e.quad_class ? `${e.quad_class} (${QUAD_NAMES[e.quad_class]})` : null],
    ["Goldstein", e.goldstein !== null && e.goldstein !== undefined ? String(e.goldstein) : null],
    ["source", e.url || null],
    ["corrected", e.corrected ? `by ${e.corrected.by.join(", ")}: ${e.corrected.wrong ? "wrong" : e.corrected.fields.join(", ")}` : null],
  ]));
  box.append(correctionForm(e));
}

// -- corrections -----------------------------------------------------------------------

function field(label, name, value, attrs = {}) {
  const input = el("input", { name, value: value || "", ...attrs });
  const wrap = el("label", {}, label);
  wrap.append(input);
  return wrap;
}

function correctionForm(e) {
  // PATCH /v1/events/{id} with the server's token; only the fields changed are sent
  const actor = (e.actor || [])[0] || {}, recipient = (e.recipient || [])[0] || {};
  const form = el("form", { id: "correct", class: "correct" });
  const type = el("select", { name: "event_type" });
  for (const t of TYPES) {
    const option = el("option", { value: t }, t);
    if (t === e.event_type) option.selected = true;
    type.append(option);
  }
  const typeLabel = el("label", {}, "type");
  typeLabel.append(type);
  const wrong = el("input", { type: "checkbox", name: "wrong" });
  const wrongLabel = el("label", {}, "wrong");
  wrongLabel.append(wrong);
  const initial = {
    event_type: e.event_type, mode: e.mode || "", date: e.date || "",
    actor_name: actor.name || "", actor_country: actor.country || "", actor_sector: actor.sector || "",
    recipient_name: recipient.name || "", recipient_country: recipient.country || "",
    recipient_sector: recipient.sector || "", place: (e.location || {}).name || "",
    place_country: (e.location || {}).country || "",
  };
  form.append(el("h3", {}, "Correct this event"), typeLabel,
    field("mode", "mode", initial.mode, { size: 8 }), field("date", "date", initial.date, { size: 10 }),
    field("actor", "actor_name", initial.actor_name), field("country", "actor_country", initial.actor_country, { size: 4 }),
    field("sector", "actor_sector", initial.actor_sector, { size: 4 }),
    field("recipient", "recipient_name", initial.recipient_name),
    field("country", "recipient_country", initial.recipient_country, { size: 4 }),
    field("sector", "recipient_sector", initial.recipient_sector, { size: 4 }),
    field("place", "place", initial.place), field("country", "place_country", initial.place_country, { size: 4 }),
    wrongLabel, field("author", "author", localStorage.getItem("resgestae-author") || ""),
    field("token", "token", sessionStorage.getItem("resgestae-token") || "", { type: "password" }),
    el("button", { type: "submit", id: "save-correction" }, "Save correction"),
    el("span", { id: "correct-status", role: "status" }));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); saveCorrection(e.id, form, initial); });
  return form;
}

function changes(form, initial) {
  const v = (name) => String(form.elements[name].value || "").trim();
  const body = {};
  for (const k of ["event_type", "mode", "date"]) if (v(k) && v(k) !== initial[k]) body[k] = v(k);
  for (const side of ["actor", "recipient"]) {
    const parts = {};
    for (const p of ["name", "country", "sector"]) {
      const key = `${side}_${p}`;
      if (v(key) && v(key) !== initial[key]) parts[p] = p === "name" ? v(key) : v(key).toUpperCase();
    }
    if (Object.keys(parts).length) body[side] = parts;
  }
  const place = {};
  if (v("place") && v("place") !== initial.place) place.name = v("place");
  if (v("place_country") && v("place_country") !== initial.place_country) place.country = v("place_country").toUpperCase();
  if (Object.keys(place).length) body.location = place;
  if (form.elements.wrong.checked) body.wrong = true;
  return body;
}

async function saveCorrection(id, form, initial) {
  const say = (text) => { $("correct-status").textContent = text; };
  const author = String(form.elements.author.value || "").trim();
  const token = String(form.elements.token.value || "").trim();
  const body = changes(form, initial);
  if (!author) return say("who corrects? fill in the author");
  if (!Object.keys(body).length) return say("nothing changed");
  localStorage.setItem("resgestae-author", author);
  sessionStorage.setItem("resgestae-token", token);
  const response = await fetch(`/v1/events/${encodeURIComponent(id)}`, {
    method: "PATCH", body: JSON.stringify({ author, ...body }),
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
  });
  const answer = await response.json();
  if (!response.ok) return say(answer.error ? answer.error.message : `HTTP ${response.status}`);
  await refresh();
  await showEvent(id);
  $("correct-status").textContent = "saved";
}

// -- timeline ------------------------------------------------------------------------

const DAY = 86400000;

function parseDay(text) { return new Date(`${text}T00:00:00Z`); }

function spanEnd(start, precision) {
  const d = parseDay(start);
  return precision === "year" ? new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1))
    : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

function drawTimeline(byDay, bySpan) {
  // a time scale: a ten-month gap is ten months wide; month- and year-precision events are
  // spans (lower lane), day-precision events stacked bars per day (upper lane)
  const svg = select("#timeline");
  svg.selectAll("*").remove();
  const width = svg.node().clientWidth || 600, height = 190, pad = { l: 30, r: 10, t: 8, b: 22 };
  const spanLane = bySpan.length ? 46 : 0;
  const days = byDay.map((d) => ({ ...d, from: parseDay(d.day) }));
  // the axis covers the day-dated events and the spans near them; spans far outside (a
  // year-dated mention of 1650) are counted in the legend, not allowed to squash the axis
  const near = 365 * DAY;
  const first = Math.min(...days.map((d) => +d.from)), last = Math.max(...days.map((d) => +d.from));
  const allSpans = bySpan.map((d) => ({ ...d, from: parseDay(d.start), to: spanEnd(d.start, d.precision) }));
  const spans = days.length ? allSpans.filter((d) => +d.to > first - near && +d.from < last + near) : allSpans;
  const outside = allSpans.filter((d) => !spans.includes(d));
  const times = [...days.map((d) => d.from), ...days.map((d) => new Date(+d.from + DAY)),
    ...spans.map((d) => d.from), ...spans.map((d) => d.to)];
  svg.attr("viewBox", `0 0 ${width} ${height}`);
  if (!times.length) return;
  const lo = new Date(Math.min(...times)), hi = new Date(Math.max(...times));
  const x = scaleTime([lo, +hi > +lo ? hi : new Date(+lo + DAY)], [pad.l, width - pad.r]);
  const totals = {};
  const stacked = days.map((d) => {
    const y0 = totals[d.day] || 0;
    totals[d.day] = y0 + d.count;
    return { ...d, y0, y1: y0 + d.count };
  });
  const barBottom = height - pad.b - spanLane;
  const y = scaleLinear([0, Math.max(1, ...Object.values(totals))], [barBottom, pad.t]).nice();
  const barWidth = (d) => Math.max(2, x(new Date(+d.from + DAY)) - x(d.from) - 1);
  svg.append("g").selectAll("rect").data(stacked).join("rect")
    .attr("class", "bar").attr("x", (d) => x(d.from)).attr("width", barWidth)
    .attr("y", (d) => y(d.y1)).attr("height", (d) => y(d.y0) - y(d.y1)).attr("fill", (d) => color(d.event_type))
    .append("title").text((d) => `${d.day} ${d.event_type}: ${d.count}`);
  const rows = {};
  const lane = svg.append("g").attr("class", "spans");
  lane.selectAll("rect").data(spans).join("rect")
    .attr("class", (d) => `span ${d.precision}`)
    .attr("x", (d) => x(d.from)).attr("width", (d) => Math.max(2, x(d.to) - x(d.from)))
    .attr("y", (d) => {
      const key = `${d.start}${d.precision}`;
      rows[key] = (rows[key] || 0) + 1;
      return barBottom + 4 + ((rows[key] - 1) % 4) * 10;
    })
    .attr("height", 8).attr("fill", (d) => color(d.event_type))
    .append("title").text((d) => `${d.precision} ${d.start.slice(0, d.precision === "year" ? 4 : 7)} ${d.event_type}: ${d.count}`);
  svg.append("g").attr("transform", `translate(0,${height - pad.b})`).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
  svg.append("g").attr("transform", `translate(${pad.l},0)`).call(axisLeft(y).ticks(4));
  const legend = $("timeline-legend");
  const kinds = [...new Set([...byDay, ...bySpan].map((d) => d.event_type))];
  legend.replaceChildren(...kinds.map((t) => el("span", { style: `--c:${color(t)}` }, t)),
    ...(bySpan.length ? [el("em", {}, "lower lane: events dated to a month or a year, drawn over it")] : []),
    ...(outside.length ? [el("em", { class: "outside" }, `${outside.reduce((n, d) => n + d.count, 0)} ` +
      `event(s) dated far outside this range (from ${outside.map((d) => d.start.slice(0, 4)).sort()[0]})`)] : []));
}

// -- map -------------------------------------------------------------------------------

const map = {};

function focus(places) {
  // the whole world, or the located events' region with a margin
  if (!places.length) return { type: "Sphere" };
  const lons = places.map((p) => p.lon), lats = places.map((p) => p.lat);
  const box = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return { type: "MultiPoint", coordinates: [
    [box(Math.min(...lons) - 25, -180, 180), box(Math.min(...lats) - 15, -85, 85)],
    [box(Math.max(...lons) + 25, -180, 180), box(Math.max(...lats) + 15, -85, 85)],
  ] };
}

function drawMap(places) {
  const svg = select("#map");
  svg.selectAll("*").remove();
  const width = svg.node().clientWidth || 600, height = 300;
  map.projection = geoNaturalEarth1().fitSize([width, height], focus(places));
  svg.attr("viewBox", `0 0 ${width} ${height}`);
  svg.append("g").selectAll("path").data(COUNTRIES.features).join("path")
    .attr("class", "country").attr("d", geoPath(map.projection))
    .append("title").text((d) => d.properties.name);
  const r = scaleSqrt([0, Math.max(1, ...places.map((p) => p.count))], [0, 18]);
  svg.append("g").selectAll("circle").data(places).join("circle").attr("class", "place")
    .attr("transform", (p) => `translate(${map.projection([p.lon, p.lat])})`).attr("r", (p) => r(p.count))
    .append("title").text((p) => `${p.name}: ${p.count} event(s)`);
  map.dots = svg.append("g");
  drawDots();
  mapLegend(svg, r, places, height);
  zoomable(svg, width, height);
}

function mapLegend(svg, r, places, height) {
  const top = Math.max(1, ...places.map((p) => p.count));
  const sizes = [...new Set([1, Math.ceil(top / 2), top])].filter((n) => n <= top);
  const g = svg.append("g").attr("class", "legend-map").attr("transform", `translate(12,${height - 14})`);
  let at = 0;
  for (const n of sizes) {
    g.append("circle").attr("class", "legend-place").attr("cx", at + r(n)).attr("cy", -r(n)).attr("r", r(n));
    g.append("text").attr("x", at + 2 * r(n) + 3).attr("y", -2).text(`${n}`);
    at += 2 * r(n) + 22;
  }
  g.append("circle").attr("class", "legend-dot").attr("cx", at + 4).attr("cy", -4).attr("r", 4);
  g.append("text").attr("x", at + 12).attr("y", -2).text("event listed (click)");
  g.append("text").attr("x", 0).attr("y", 10).text("events per place · wheel or +/− to zoom, drag to pan");
}

function zoomable(svg, width, height) {
  // zoom and pan by moving the viewBox (no extra library); the legend stays in place
  const view = { x: 0, y: 0, k: 1 };
  const apply = () => svg.attr("viewBox", `${view.x} ${view.y} ${width / view.k} ${height / view.k}`)
    .attr("data-zoom", view.k.toFixed(2));
  const zoom = (factor, cx = width / 2, cy = height / 2) => {
    const k = Math.max(1, Math.min(40, view.k * factor));
    const px = view.x + cx / view.k, py = view.y + cy / view.k;
    view.k = k; view.x = px - cx / k; view.y = py - cy / k;
    apply();
  };
  map.zoom = zoom;
  svg.on("wheel", (event) => {
    event.preventDefault();
    const box = svg.node().getBoundingClientRect();
    zoom(event.deltaY < 0 ? 1.3 : 1 / 1.3, (event.clientX - box.left) * width / box.width,
      (event.clientY - box.top) * height / box.height);
  });
  let drag = null;
  svg.on("mousedown", (event) => { drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y }; });
  svg.on("mousemove", (event) => {
    if (!drag) return;
    const box = svg.node().getBoundingClientRect();
    view.x = drag.vx - (event.clientX - drag.x) * width / box.width / view.k;
    view.y = drag.vy - (event.clientY - drag.y) * height / box.height / view.k;
    apply();
  });
  svg.on("mouseup mouseleave", () => { drag = null; });
}

function drawDots() {
  if (!map.dots) return;
  const located = state.rows.filter((e) => e.location && e.location.lat !== null && e.location.lon !== null);
  map.dots.selectAll("circle").data(located, (d) => d.id).join("circle")
    .attr("class", "dot").attr("r", 4).attr("data-id", (d) => d.id)
    .classed("selected", (d) => d.id === state.selected)
    .attr("transform", (d) => `translate(${map.projection([d.location.lon, d.location.lat])})`)
    .on("click", (_, d) => showEvent(d.id))
    .selectAll("title").data((d) => [d]).join("title")
    .text((d) => `${d.location.name}: ${d.event_type} ${names(d.actor)} → ${names(d.recipient)}`);
}

// -- network ---------------------------------------------------------------------------

function quadOf(edge) {
  // the QuadClass with most events on the edge
  const entries = Object.entries(edge.by_quad || {});
  return entries.length ? Number(entries.sort((a, b) => b[1] - a[1])[0][0]) : 0;
}

function drawNetwork(graph) {
  // aggregated (to countries or actors), the top-N heaviest edges only: width by event
  // count, colour by QuadClass, node size by events; labels for the busiest nodes
  const svg = select("#network");
  svg.selectAll("*").remove();
  const width = svg.node().clientWidth || 600, height = 360;
  svg.attr("viewBox", `0 0 ${width} ${height}`);
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const links = graph.edges.map((e) => ({ ...e, quad: quadOf(e) }));
  // many nodes: shorter links, and a weaker pull to the middle so they use the whole width
  const many = nodes.length > 40;
  const sim = forceSimulation(nodes).stop()
    .force("link", forceLink(links).id((d) => d.id).distance(many ? 60 : 80))
    .force("charge", forceManyBody().strength(many ? -120 : -200))
    .force("center", forceCenter(width / 2, height / 2))
    .force("collide", forceCollide(many ? 12 : 20))
    .force("x", forceX(width / 2).strength(many ? 0.05 : 0.1))
    .force("y", forceY(height / 2).strength(many ? 0.1 : 0.18));
  for (let i = 0; i < 300; i++) sim.tick();  // lay out once, then draw still
  const clamp = (v, hi) => Math.max(14, Math.min(hi - 14, v));
  for (const n of nodes) { n.x = clamp(n.x, width); n.y = clamp(n.y, height); }
  const w = scaleSqrt([1, Math.max(1, ...links.map((l) => l.count))], [1, 9]);
  const size = scaleSqrt([1, Math.max(1, ...nodes.map((n) => n.count || 1))], [4, 16]);
  svg.append("defs").selectAll("marker").data(Object.keys(QUAD_COLORS)).join("marker")
    .attr("id", (q) => `arrow-${q}`).attr("viewBox", "0 -4 8 8").attr("refX", 8)
    .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9)
    .attr("orient", "auto")
    .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", (q) => QUAD_COLORS[q]);
  const end = (d, axis) => {
    const dx = d.target.x - d.source.x, dy = d.target.y - d.source.y, len = Math.hypot(dx, dy) || 1;
    const back = size(d.target.count || 1) + 2;
    return axis === "x" ? d.target.x - dx / len * back : d.target.y - dy / len * back;
  };
  svg.append("g").selectAll("line").data(links).join("line").attr("class", (d) => `link quad${d.quad}`)
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => end(d, "x")).attr("y2", (d) => end(d, "y"))
    .attr("stroke", (d) => QUAD_COLORS[d.quad]).attr("stroke-width", (d) => w(d.count))
    .attr("marker-end", (d) => `url(#arrow-${d.quad})`)
    .append("title").text((d) => `${d.source.id} → ${d.target.id}: ${d.count} event(s); ` +
      Object.entries(d.by_type).map(([t, n]) => `${t} ${n}`).join(", "));
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("transform", (d) => `translate(${d.x},${d.y})`);
  node.append("circle").attr("r", (d) => size(d.count || 1)).append("title").text((d) => `${d.id}: ${d.count} event(s)`);
  placeLabels(svg, nodes, size, width, height);
  $("network-legend").replaceChildren(...Object.entries(QUAD_NAMES).map(([q, name]) =>
    el("span", { style: `--c:${QUAD_COLORS[q]}` }, name)),
  el("em", {}, `${links.length} heaviest links of ${graph.by === "country" ? "countries" : "actors"}; width: events`));
}

function placeLabels(svg, nodes, size, width, height) {
  // readable at any size: labels in a layer above the nodes, the busiest nodes first, each
  // on the first side of its node (right, left, above, below) where it covers no other
  // label or node and stays inside the drawing; a label that fits nowhere is left out
  // (the node keeps its tooltip)
  const layer = svg.append("g").attr("class", "labels");
  const taken = nodes.map((n) => {
    const r = size(n.count || 1);
    return { x: n.x - r, y: n.y - r, w: 2 * r, h: 2 * r, node: n };
  });
  const free = (a, own) => a.x >= 0 && a.y >= 0 && a.x + a.w <= width && a.y + a.h <= height &&
    !taken.some((b) => b.node !== own && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h);
  const busiest = [...nodes].sort((a, b) => (b.count || 0) - (a.count || 0)).slice(0, 40);
  for (const d of busiest) {
    const text = layer.append("text").attr("class", "label").text(d.id);
    const box = text.node().getBBox();
    const r = size(d.count || 1) + 2, w = box.width + 2, h = box.height + 1;
    const at = ([dx, dy]) => ({ x: d.x + dx + box.x - 1, y: d.y + dy + box.y, w, h });
    const sides = [[r, 3], [-r - box.width, 3], [-box.width / 2, -r - 2], [-box.width / 2, r + h - 3]];
    const side = sides.find((xy) => free(at(xy), d));
    if (!side) { text.remove(); continue; }
    text.attr("x", d.x + side[0]).attr("y", d.y + side[1]);
    taken.push({ ...at(side), node: null });
  }
}

// -- filters -----------------------------------------------------------------------------

function readFilters() {
  const form = new FormData($("filters"));
  const filters = {};
  for (const [k, v] of form.entries()) if (String(v).trim()) filters[k] = String(v).trim();
  return filters;
}

function view() {
  const form = $("view");
  return { net: form.elements.net.value, top: form.elements.top.value };
}

function writeUrl() {
  // the filters and the view in the address, so a view can be shared
  const params = { ...state.filters };
  const v = view();
  if (v.net !== "actor") params.net = v.net;
  if (v.top !== "40") params.top = v.top;
  history.replaceState(null, "", `${location.pathname}${query(params)}`);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const input = $("filters").elements[name];
    if (input && params.has(name)) input.value = params.get(name);
  }
  for (const name of VIEW) if (params.has(name)) $("view").elements[name].value = params.get(name);
}

async function refresh() {
  state.filters = readFilters();
  writeUrl();
  status("loading…");
  const v = view();
  try {
    const [stats, places, network] = await Promise.all([
      api("stats", state.filters), api("places", state.filters),
      api("network", { ...state.filters, limit: v.top, by: v.net }),
    ]);
    $("event-count").textContent = `(${stats.total})`;
    drawTimeline(stats.by_day, stats.by_span || []);
    drawMap(places.places);
    drawNetwork(network);
    await loadEvents(true);
    status(stats.total ? "" : "no events match");
    document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
  } catch (err) {
    status(err.message);
  }
}

function init() {
  const typeSelect = $("filters").elements.type;
  for (const t of TYPES) typeSelect.append(el("option", { value: t }, t));
  readUrl();
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("filters").addEventListener("reset", () => setTimeout(refresh, 0));
  $("view").addEventListener("change", () => refresh());
  $("zoom-in").addEventListener("click", () => map.zoom && map.zoom(1.5));
  $("zoom-out").addEventListener("click", () => map.zoom && map.zoom(1 / 1.5));
  $("more").addEventListener("click", () => loadEvents(false).catch((err) => status(err.message)));
  refresh();
}

init();
