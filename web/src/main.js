// The resgestae page: a thin client of the /v1 API. No network access beyond the
// server it came from: d3 modules and the country outlines are in this bundle.
import { axisBottom, axisLeft } from "d3-axis";
import {
  forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY,
} from "d3-force";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { scaleBand, scaleLinear, scaleOrdinal, scaleSqrt } from "d3-scale";
import { select } from "d3-selection";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLORS = ["#1b9e77", "#4a6fa5", "#66a61e", "#a6cee3", "#33a02c", "#b2df8a", "#8dd3c7",
  "#80b1d3", "#fdb462", "#fb8072", "#e31a1c", "#ff7f00", "#984ea3", "#bc80bd", "#a6761d", "#7a2e1f"];
const color = scaleOrdinal(TYPES, COLORS);
const COUNTRIES = feature(world, world.objects.countries);

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

function addRows(events) {
  const body = $("events").tBodies[0];
  for (const event of events) {
    const row = el("tr", { "data-id": event.id });
    const type = el("td");
    type.append(el("span", { class: "type", style: `color:${color(event.event_type)}` }, event.event_type));
    row.append(el("td", {}, event.date || "-"), type, el("td", {}, names(event.actor)),
      el("td", {}, names(event.recipient)), el("td", {}, event.location ? event.location.name : ""),
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
  ]));
}

// -- timeline ------------------------------------------------------------------------

function drawTimeline(byDay) {
  const svg = select("#timeline");
  svg.selectAll("*").remove();
  const width = svg.node().clientWidth || 600, height = 160, pad = { l: 30, r: 8, t: 8, b: 22 };
  const days = [...new Set(byDay.map((d) => d.day))].sort();
  const totals = {};
  const stacked = byDay.map((d) => {
    const y0 = totals[d.day] || 0;
    totals[d.day] = y0 + d.count;
    return { ...d, y0, y1: y0 + d.count };
  });
  const x = scaleBand(days, [pad.l, width - pad.r]).padding(0.15);
  const y = scaleLinear([0, Math.max(1, ...Object.values(totals))], [height - pad.b, pad.t]).nice();
  svg.attr("viewBox", `0 0 ${width} ${height}`);
  svg.append("g").selectAll("rect").data(stacked).join("rect")
    .attr("class", "bar").attr("x", (d) => x(d.day)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d.y1)).attr("height", (d) => y(d.y0) - y(d.y1)).attr("fill", (d) => color(d.event_type))
    .append("title").text((d) => `${d.day} ${d.event_type}: ${d.count}`);
  const every = Math.ceil(days.length / 8);
  svg.append("g").attr("transform", `translate(0,${height - pad.b})`)
    .call(axisBottom(x).tickValues(days.filter((_, i) => i % every === 0)));
  svg.append("g").attr("transform", `translate(${pad.l},0)`).call(axisLeft(y).ticks(4));
  const legend = $("timeline-legend");
  legend.replaceChildren(...[...new Set(byDay.map((d) => d.event_type))].map((t) =>
    el("span", { style: `--c:${color(t)}` }, t)));
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

function drawNetwork(graph) {
  const svg = select("#network");
  svg.selectAll("*").remove();
  const width = svg.node().clientWidth || 600, height = 320;
  svg.attr("viewBox", `0 0 ${width} ${height}`);
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const links = graph.edges.map((e) => ({ ...e }));
  const sim = forceSimulation(nodes).stop()
    .force("link", forceLink(links).id((d) => d.id).distance(70))
    // a crowded graph needs less repulsion to stay inside the panel
    .force("charge", forceManyBody().strength(nodes.length > 40 ? -20 : -160))
    .force("center", forceCenter(width / 2, height / 2))
    .force("collide", forceCollide(nodes.length > 40 ? 8 : 18))
    // many small components would drift to the edges: keep them near the middle
    .force("x", forceX(width / 2).strength(0.1))
    .force("y", forceY(height / 2).strength(0.18));
  for (let i = 0; i < 300; i++) sim.tick();  // lay out once, then draw still
  const clamp = (v, hi) => Math.max(12, Math.min(hi - 12, v));
  for (const n of nodes) { n.x = clamp(n.x, width); n.y = clamp(n.y, height); }
  const w = scaleSqrt([1, Math.max(1, ...links.map((l) => l.count))], [1, 6]);
  svg.append("g").selectAll("line").data(links).join("line").attr("class", "link")
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y).attr("stroke-width", (d) => w(d.count))
    .append("title").text((d) => `${d.source.id} → ${d.target.id}: ` +
      Object.entries(d.by_type).map(([t, n]) => `${t} ${n}`).join(", "));
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("transform", (d) => `translate(${d.x},${d.y})`);
  node.append("circle").attr("r", 6);
  node.append("text").attr("x", 8).attr("y", 3).text((d) => d.id);
}

// -- filters -----------------------------------------------------------------------------

function readFilters() {
  const form = new FormData($("filters"));
  const filters = {};
  for (const [k, v] of form.entries()) if (String(v).trim()) filters[k] = String(v).trim();
  return filters;
}

async function refresh() {
  state.filters = readFilters();
  status("loading…");
  try {
    const [stats, places, network] = await Promise.all([
      api("stats", state.filters), api("places", state.filters), api("network", { ...state.filters, limit: 80 }),
    ]);
    $("event-count").textContent = `(${stats.total})`;
    drawTimeline(stats.by_day);
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
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("filters").addEventListener("reset", () => setTimeout(refresh, 0));
  $("more").addEventListener("click", () => loadEvents(false).catch((err) => status(err.message)));
  refresh();
}

init();
