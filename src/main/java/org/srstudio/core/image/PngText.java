package org.srstudio.core.image;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * PNG text chunks through the javax.imageio PNG metadata tree: Latin-1 text goes into tEXt, anything else into
 * iTXt (UTF-8), since tEXt is defined as Latin-1 and readers would garble other characters.
 */
final class PngText {
    static final String NATIVE_FORMAT = "javax_imageio_png_1.0";

    private PngText() {
    }

    /** Keywords are 1 to 79 printable Latin-1 characters without leading, trailing or double spaces (PNG spec). */
    static void requireValidKeyword(String keyword) {
        if (keyword == null || keyword.isEmpty() || keyword.length() > 79 || keyword.startsWith(" ")
                || keyword.endsWith(" ") || keyword.contains("  ")
                || !keyword.chars().allMatch(ch -> (ch >= 32 && ch <= 126) || (ch >= 161 && ch <= 255))) {
            throw new IllegalArgumentException("'" + keyword + "' is not a valid PNG text keyword");
        }
    }

    static boolean isLatin1(String text) {
        return StandardCharsets.ISO_8859_1.newEncoder().canEncode(text) && text.indexOf('\0') < 0;
    }

    static void addTo(IIOMetadata metadata, Map<String, String> text) throws IIOInvalidTreeException {
        if (text.isEmpty()) {
            return;
        }
        IIOMetadataNode root = new IIOMetadataNode(NATIVE_FORMAT);
        IIOMetadataNode tEXt = new IIOMetadataNode("tEXt");
        IIOMetadataNode iTXt = new IIOMetadataNode("iTXt");
        for (Map.Entry<String, String> e : text.entrySet()) {
            requireValidKeyword(e.getKey());
            String value = e.getValue() == null ? "" : e.getValue();
            if (isLatin1(value)) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("value", value);
                tEXt.appendChild(entry);
            } else {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", value);
                iTXt.appendChild(entry);
            }
        }
        if (tEXt.hasChildNodes()) {
            root.appendChild(tEXt);
        }
        if (iTXt.hasChildNodes()) {
            root.appendChild(iTXt);
        }
        metadata.mergeTree(NATIVE_FORMAT, root);
    }

    /** keyword → text of every tEXt, zTXt and iTXt entry, in file order. */
    static Map<String, String> from(IIOMetadata metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata == null || !NATIVE_FORMAT.equals(metadata.getNativeMetadataFormatName())) {
            return out;
        }
        Node root = metadata.getAsTree(NATIVE_FORMAT);
        for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
            String name = chunk.getNodeName();
            if (!name.equals("tEXt") && !name.equals("zTXt") && !name.equals("iTXt")) {
                continue;
            }
            for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                IIOMetadataNode node = (IIOMetadataNode) entry;
                String value = node.hasAttribute("value") ? node.getAttribute("value")
                        : node.hasAttribute("text") ? node.getAttribute("text") : "";
                out.put(node.getAttribute("keyword"), value);
            }
        }
        return out;
    }
}
