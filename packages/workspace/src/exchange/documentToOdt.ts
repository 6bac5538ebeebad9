import { strToU8, zipSync, type Zippable } from 'fflate';
import type { PmNode } from '../document/PmNode.js';
import { escapeXml } from './escapeXml.js';
import { odtBodyXml } from './odtBodyXml.js';
import { odtNamespaces } from './ODT_NS.js';
import { ODT_STYLES } from './ODT_STYLES.js';

const MIME = 'application/vnd.oasis.opendocument.text';

/**
 * An OpenDocument text file (.odt, what LibreOffice Writer opens) of a document given as
 * ProseMirror JSON. The package follows ODF 1.3 §3: `mimetype` first and stored uncompressed,
 * then the manifest, content, styles and meta (title).
 */
export function documentToOdt(json: PmNode, title: string): Uint8Array {
  const { body, automaticStyles } = odtBodyXml(json);
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${odtNamespaces('office', 'style', 'text', 'table', 'fo', 'xlink', 'loext')} office:version="1.3">
<office:automatic-styles>${automaticStyles}</office:automatic-styles>
<office:body><office:text>${body}</office:text></office:body>
</office:document-content>
`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${odtNamespaces('office', 'dc', 'meta')} office:version="1.3">
<office:meta><meta:generator>Trame</meta:generator><dc:title>${escapeXml(title)}</dc:title></office:meta>
</office:document-meta>
`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest ${odtNamespaces('manifest')} manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIME}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;
  // Insertion order is archive order: `mimetype` must come first.
  const files: Zippable = {
    mimetype: [strToU8(MIME), { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifest),
    'content.xml': strToU8(content),
    'styles.xml': strToU8(ODT_STYLES),
    'meta.xml': strToU8(meta),
  };
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
