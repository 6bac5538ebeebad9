import type { PmNode } from '../document/PmNode.js';
import { documentHtml } from './documentHtml.js';
import { escapeXml } from './escapeXml.js';

/** Reading and printing style of exported pages: plain, no script, no remote resource. */
const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #888;padding:.25rem .5rem;vertical-align:top;text-align:left}
th p,td p{margin:0}ul[data-type=taskList]{list-style:none;padding-left:.5rem}ul[data-type=taskList] li{display:flex;gap:.5rem}
ul[data-type=taskList] li>label{flex:none}ul[data-type=taskList] li>div>p{margin:0}blockquote{border-left:3px solid #888;margin-left:0;padding-left:1rem}
pre{background:#f3f3f3;padding:.5rem;white-space:pre-wrap}@media print{body{margin:0;max-width:none}}`;

/**
 * A standalone HTML page of a document (ProseMirror JSON) rendered with TipTap's own
 * serializer. Needs a DOM (`document`): in the browser, or a test environment with one.
 */
export function documentToHtml(json: PmNode, title: string, lang = 'fr'): string {
  const body = documentHtml(json);
  return `<!doctype html>
<html lang="${escapeXml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
