// Build the page into src/resgestae/web/static: one JS bundle (d3 modules and the
// world-atlas country outlines included), the page, its CSS, and Swagger UI for /docs.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";

const out = new URL("../src/resgestae/web/static/", import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}docs`, { recursive: true });

await build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  loader: { ".json": "json" },
  outfile: `${out}app.js`,
  legalComments: "linked",
});
for (const file of ["index.html", "style.css", "favicon.svg"]) cpSync(`src/${file}`, `${out}${file}`);
const swagger = "node_modules/swagger-ui-dist/";
for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  cpSync(`${swagger}${file}`, `${out}docs/${file}`);
}
console.log(`built ${out}`);
