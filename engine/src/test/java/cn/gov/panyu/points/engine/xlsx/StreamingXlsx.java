package cn.gov.panyu.points.engine.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a sheet the way streaming readers do (openpyxl in read-only mode, which pandas uses;
 * excel-streaming-reader): it trusts the sheet's {@code <dimension>} and reads no row or column beyond it.
 * A file that declares less than it holds loses rows here exactly as it does for those readers.
 */
public final class StreamingXlsx {

    private StreamingXlsx() {
    }

    /** The rows of sheet {@code index} (0-based) within its declared dimension, each as its cells' text. */
    public static List<List<String>> rows(byte[] xlsx, int index) {
        Map<String, byte[]> parts = parts(xlsx);
        List<String> shared = sharedStrings(parts.get("xl/sharedStrings.xml"));
        byte[] sheet = parts.get("xl/worksheets/sheet" + (index + 1) + ".xml");
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + index);
        }
        try {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(sheet));
            int lastRow = Integer.MAX_VALUE;
            int lastColumn = Integer.MAX_VALUE;
            List<List<String>> rows = new ArrayList<>();
            List<String> row = null;
            String type = null;
            int column = 0;
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "dimension" -> {
                            String ref = xml.getAttributeValue(null, "ref");
                            String last = ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref;
                            lastRow = rowOf(last);
                            lastColumn = columnOf(last);
                        }
                        case "row" -> {
                            if (Integer.parseInt(xml.getAttributeValue(null, "r")) > lastRow) {
                                return rows;
                            }
                            row = new ArrayList<>();
                            rows.add(row);
                        }
                        case "c" -> {
                            column = columnOf(xml.getAttributeValue(null, "r"));
                            type = xml.getAttributeValue(null, "t");
                            text.setLength(0);
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && row != null) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c") && column <= lastColumn) {
                    while (row.size() < column - 1) {
                        row.add("");
                    }
                    row.add("s".equals(type) ? shared.get(Integer.parseInt(text.toString().trim())) : text.toString());
                }
            }
            return rows;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> parts(byte[] xlsx) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return parts;
    }

    private static List<String> sharedStrings(byte[] part) {
        List<String> strings = new ArrayList<>();
        if (part == null) {
            return strings;
        }
        try (InputStream in = new ByteArrayInputStream(part)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            StringBuilder text = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.CHARACTERS && text != null) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("si")) {
                    strings.add(text.toString());
                    text = null;
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return strings;
    }

    private static int rowOf(String ref) {
        return Integer.parseInt(ref.replaceAll("[A-Z]", ""));
    }

    private static int columnOf(String ref) {
        int column = 0;
        for (char c : ref.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            }
        }
        return column;
    }
}
