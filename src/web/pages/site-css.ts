/** The site's whole stylesheet: small, hand-written, light and dark, no inline styles anywhere (CSP). */
export const SITE_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f6f4ef; --fg: #1d1b18; --muted: #6b665e; --card: #ffffff; --line: #e4dfd5; --soft: #f1ede5;
  --accent: #c2410c; --accent-strong: #9a3412; --accent-fg: #ffffff; --accent-soft: #fdeee4;
  --ok: #15803d; --ok-soft: #e8f5ec; --warn: #a16207; --warn-soft: #fdf6e3; --danger: #b91c1c; --danger-soft: #fdecec;
  --radius: 14px; --shadow: 0 1px 2px rgba(29, 27, 24, .05), 0 6px 24px rgba(29, 27, 24, .06);
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #151412; --fg: #eeebe5; --muted: #a8a29a; --card: #1f1d1a; --line: #36322d; --soft: #27241f;
    --accent: #fb923c; --accent-strong: #fdba74; --accent-fg: #1a1206; --accent-soft: #3a2414;
    --ok: #4ade80; --ok-soft: #15291c; --warn: #facc15; --warn-soft: #2d2712; --danger: #f87171; --danger-soft: #341a1a;
    --shadow: 0 1px 2px rgba(0, 0, 0, .3);
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; background: var(--bg); color: var(--fg); }
.wrap { max-width: 720px; margin: 0 auto; padding: 0 20px; }
.wrap.wide { max-width: 1120px; }
header.site { border-bottom: 1px solid var(--line); background: var(--card); }
header.site .wrap { display: flex; align-items: center; min-height: 64px; }
.brand { display: inline-flex; align-items: center; gap: 10px; font-family: var(--serif); font-weight: 700; font-size: 23px; color: var(--fg); text-decoration: none; letter-spacing: -.01em; }
.brand .logo { color: var(--accent); }
main.wrap { padding-top: 36px; padding-bottom: 48px; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 14px; }
footer.site p { margin: 0; padding: 22px 0 36px; }
h1, h2, h3 { font-family: var(--serif); letter-spacing: -.01em; line-height: 1.2; }
h1 { font-size: 32px; margin: 0 0 12px; }
h2 { font-size: 22px; margin: 0 0 6px; }
h3 { font-size: 18px; margin: 0 0 6px; }
p { margin: 0 0 12px; }
a { color: var(--accent-strong); text-underline-offset: 2px; }
@media (prefers-color-scheme: dark) { a { color: var(--accent); } }
.muted { color: var(--muted); }
.small { font-size: 14px; }
.lead { font-size: 18px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 28px; margin: 0 0 22px; box-shadow: var(--shadow); }
.card > :last-child { margin-bottom: 0; }
.card.message { padding: 36px; }
.card.message h1 { font-size: 30px; }
.card.message.tone-success::before, .card.message.tone-warning::before, .card.message.tone-danger::before { display: grid; place-items: center; width: 48px; height: 48px; border-radius: 50%; margin: 0 0 18px; font-size: 24px; font-weight: 800; line-height: 1; }
.card.message.tone-success::before { content: "\\2713"; background: var(--ok-soft); color: var(--ok); }
.card.message.tone-warning::before { content: "!"; background: var(--warn-soft); color: var(--warn); }
.card.message.tone-danger::before { content: "!"; background: var(--danger-soft); color: var(--danger); }
.section-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; flex-wrap: wrap; margin-bottom: 14px; }
.section-head p { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 20px 0 16px; }
.actions form { margin: 0; }

/* Buttons and fields */
button, .button { display: inline-flex; align-items: center; justify-content: center; gap: 8px; font: inherit; font-weight: 600; line-height: 1.2; padding: 12px 22px; min-height: 46px; border-radius: 10px; border: 1px solid transparent; background: var(--accent); color: var(--accent-fg); cursor: pointer; text-decoration: none; }
button:hover, .button:hover { filter: brightness(1.06); }
button:focus-visible, .button:focus-visible, input:focus-visible, select:focus-visible, .topic:focus-within { outline: 3px solid color-mix(in srgb, var(--accent) 45%, transparent); outline-offset: 2px; }
button.secondary, .button.secondary { background: var(--card); color: var(--fg); border-color: var(--line); }
button.danger, .button.danger { background: var(--danger); color: #fff; }
button.link { background: none; border: 0; padding: 0; min-height: 0; color: var(--accent-strong); text-decoration: underline; font-weight: 500; }
button.wide, .button.wide { width: 100%; }
label, .label { display: block; font-weight: 600; margin: 0 0 6px; }
.hint { display: block; font-weight: 400; color: var(--muted); font-size: 14px; margin-top: 2px; }
.field { margin: 0 0 18px; }
input[type=email], input[type=text], select { width: 100%; font: inherit; padding: 11px 13px; min-height: 46px; border-radius: 10px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); }
input[type=email]:focus, input[type=text]:focus, select:focus { border-color: var(--accent); }
input[type=checkbox], input[type=radio] { accent-color: var(--accent); width: 18px; height: 18px; margin: 3px 0 0; flex: none; }
input[type=range] { width: 100%; accent-color: var(--accent); margin: 8px 0 0; }
fieldset { border: 0; padding: 0; margin: 0 0 20px; min-width: 0; }
legend { font-weight: 600; padding: 0; margin: 0 0 8px; }
.row { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); }
.choice { display: inline-flex; gap: 8px; align-items: flex-start; font-weight: 500; margin: 0 18px 8px 0; }
.segmented { display: inline-flex; border: 1px solid var(--line); border-radius: 10px; overflow: hidden; background: var(--bg); }
.segmented label { margin: 0; display: flex; align-items: center; gap: 8px; padding: 10px 16px; font-weight: 500; cursor: pointer; }
.segmented label + label { border-left: 1px solid var(--line); }
.segmented label:has(input:checked) { background: var(--accent-soft); color: var(--accent-strong); }
@media (prefers-color-scheme: dark) { .segmented label:has(input:checked) { color: var(--accent); } }
.error-text { color: var(--danger); font-weight: 600; }
.visually-hidden, .hp { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* Notices */
.notice { border: 1px solid var(--line); border-left: 5px solid var(--accent); background: var(--card); border-radius: 10px; padding: 14px 18px; margin: 0 0 22px; }
.notice h2 { font-size: 18px; margin-bottom: 4px; }
.notice ul { margin: 6px 0 0; padding-left: 20px; }
.notice > :last-child { margin-bottom: 0; }
.notice.success { border-left-color: var(--ok); background: var(--ok-soft); }
.notice.warning { border-left-color: var(--warn); background: var(--warn-soft); }
.notice.danger { border-left-color: var(--danger); background: var(--danger-soft); }
.pill { display: inline-block; font-size: 13px; font-weight: 600; padding: 2px 10px; border-radius: 999px; background: var(--soft); color: var(--muted); vertical-align: middle; }
.pill.active { background: var(--ok-soft); color: var(--ok); }
.pill.paused { background: var(--warn-soft); color: var(--warn); }
.pill.unsubscribed, .pill.bounced { background: var(--danger-soft); color: var(--danger); }

/* Home */
.hero { display: grid; gap: 40px; grid-template-columns: minmax(0, 1.05fr) minmax(0, .95fr); align-items: start; margin-bottom: 40px; }
.hero h1 { font-size: 46px; line-height: 1.08; margin-bottom: 18px; }
.hero .lead { font-size: 19px; color: var(--muted); max-width: 34em; }
.points { list-style: none; padding: 0; margin: 22px 0 26px; display: grid; gap: 12px; }
.points li { display: flex; gap: 12px; align-items: flex-start; }
.points li::before { content: ""; flex: none; width: 10px; height: 10px; margin-top: 8px; border-radius: 3px; background: var(--accent); }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 13px; font-weight: 700; color: var(--accent-strong); margin-bottom: 10px; }
@media (prefers-color-scheme: dark) { .kicker { color: var(--accent); } }
.sample { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); overflow: hidden; }
.sample-top { display: flex; justify-content: space-between; gap: 12px; align-items: center; padding: 14px 20px; background: var(--soft); border-bottom: 1px solid var(--line); font-size: 14px; color: var(--muted); }
.sample-top strong { color: var(--fg); }
.sample-body { padding: 6px 20px 18px; }
.sample h3 { font-family: system-ui, sans-serif; font-size: 13px; text-transform: uppercase; letter-spacing: .07em; color: var(--accent-strong); margin: 18px 0 4px; }
@media (prefers-color-scheme: dark) { .sample h3 { color: var(--accent); } }
.paper { padding: 12px 0; border-bottom: 1px solid var(--line); }
.paper:last-child { border-bottom: 0; }
.paper .title { font-family: var(--serif); font-weight: 700; font-size: 17px; line-height: 1.3; margin: 0 0 4px; color: var(--fg); }
.paper .meta { font-size: 13px; color: var(--muted); margin: 0 0 6px; }
.paper .summary { font-size: 14px; margin: 0 0 8px; }
.reason { display: inline-block; font-size: 12.5px; padding: 2px 10px; border-radius: 999px; background: var(--accent-soft); color: var(--accent-strong); }
@media (prefers-color-scheme: dark) { .reason { color: var(--accent); } }
.subscribe h2 { font-size: 28px; }
.subscribe .top { display: grid; gap: 18px; grid-template-columns: minmax(0, 1.6fr) minmax(0, 1fr); align-items: end; margin-bottom: 8px; }
.topics { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; }
.topic { display: flex; gap: 10px; align-items: flex-start; margin: 0; padding: 12px 14px; border: 1px solid var(--line); border-radius: 12px; background: var(--bg); font-weight: 600; cursor: pointer; line-height: 1.35; }
.topic:has(input:checked) { border-color: var(--accent); background: var(--accent-soft); }
.topic small { display: block; font-weight: 400; color: var(--muted); font-size: 13px; margin-top: 4px; line-height: 1.4; }
.submit-row { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-top: 22px; }
.submit-row p { margin: 0; }

/* Preferences */
.prefs-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 14px; margin-bottom: 22px; }
.prefs-head h1 { margin: 0; }
.prefs-head p { margin: 0; width: 100%; }
.prefs { display: grid; gap: 24px; grid-template-columns: minmax(0, 1.55fr) minmax(0, 1fr); align-items: start; }
.ranked { list-style: none; margin: 0 0 14px; padding: 0; border: 1px solid var(--line); border-radius: 12px; overflow: hidden; }
.ranked li { display: flex; align-items: center; gap: 12px; padding: 10px 12px; background: var(--bg); }
.ranked li + li { border-top: 1px solid var(--line); }
.ranked .rank { flex: none; width: 28px; height: 28px; border-radius: 50%; display: grid; place-items: center; background: var(--accent); color: var(--accent-fg); font-weight: 700; font-size: 14px; }
.ranked .name { flex: 1; min-width: 0; margin: 0; display: flex; gap: 10px; align-items: flex-start; font-weight: 600; }
.ranked .moves { display: flex; gap: 6px; flex: none; }
.ranked .moves button { min-height: 36px; width: 36px; padding: 0; border-radius: 8px; background: var(--card); color: var(--fg); border-color: var(--line); font-size: 16px; }
.ranked .moves button:disabled { opacity: .35; cursor: default; }
details.more-topics { border-top: 1px solid var(--line); padding-top: 14px; margin-top: 4px; }
details.more-topics summary { cursor: pointer; font-weight: 600; color: var(--accent-strong); list-style: none; display: flex; align-items: center; gap: 8px; }
details.more-topics summary::-webkit-details-marker { display: none; }
details.more-topics summary::before { content: "+"; display: grid; place-items: center; width: 24px; height: 24px; border-radius: 50%; border: 1px solid var(--line); font-weight: 700; }
details.more-topics[open] summary::before { content: "\\2212"; }
details.more-topics[open] summary { margin-bottom: 12px; }
@media (prefers-color-scheme: dark) { details.more-topics summary { color: var(--accent); } }
.chips { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; padding: 0; list-style: none; }
.chip { display: inline-flex; align-items: center; gap: 8px; margin: 0; padding: 6px 12px; border: 1px solid var(--line); border-radius: 999px; background: var(--bg); font-weight: 500; font-size: 15px; }
.chip:has(input:not(:checked)) { text-decoration: line-through; color: var(--muted); }
.chip input { margin: 0; width: 16px; height: 16px; }
.slider-labels { display: flex; justify-content: space-between; font-size: 13px; color: var(--muted); }
.slider-value { font-variant-numeric: tabular-nums; font-weight: 600; }
.savebar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; justify-content: space-between; padding: 12px 12px 12px 20px; margin-top: 8px; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: 0 8px 30px rgba(29, 27, 24, .14); }
.savebar p { margin: 0; }
.preview h3 { font-family: system-ui, sans-serif; font-size: 13px; text-transform: uppercase; letter-spacing: .07em; color: var(--accent-strong); margin: 18px 0 2px; }
@media (prefers-color-scheme: dark) { .preview h3 { color: var(--accent); } }
.preview .paper .title { font-size: 15.5px; }
.preview .paper .title a { color: var(--fg); text-decoration: none; }
.preview .paper .title a:hover { color: var(--accent-strong); text-decoration: underline; }
.preview .empty { padding: 14px; background: var(--soft); border-radius: 10px; }
.weights { list-style: none; margin: 0 0 12px; padding: 0; }
.weights li { display: flex; justify-content: space-between; gap: 12px; padding: 4px 0; border-bottom: 1px dashed var(--line); font-size: 15px; }
.weights .up { color: var(--ok); font-weight: 600; }
.weights .down { color: var(--danger); font-weight: 600; }
.paper-quote { border-left: 4px solid var(--accent); background: var(--soft); padding: 12px 16px; border-radius: 0 10px 10px 0; margin: 0 0 16px; font-family: var(--serif); font-size: 19px; font-weight: 700; line-height: 1.3; }
.summary-list { margin: 0 0 16px; padding-left: 20px; }
.summary-list li { margin-bottom: 4px; }

@media (max-width: 900px) {
  .hero, .prefs { grid-template-columns: minmax(0, 1fr); }
  .hero { gap: 28px; }
}
@media (max-width: 600px) {
  .wrap { padding: 0 14px; }
  main.wrap { padding-top: 22px; }
  h1 { font-size: 27px; }
  .hero h1 { font-size: 34px; }
  .hero .lead { font-size: 17px; }
  .card { padding: 20px 18px; }
  .card.message { padding: 26px 20px; }
  .subscribe .top { grid-template-columns: minmax(0, 1fr); }
  .topics { grid-template-columns: minmax(0, 1fr); }
  .submit-row button, .savebar button { width: 100%; }
  .segmented { display: flex; }
  .segmented label { flex: 1; justify-content: center; }
  .ranked li { padding: 8px 10px; gap: 8px; }
}
`;
