package dev.sluice.protocol.wire;

/**
 * Escapes text for XML element content the way SQS does (REFERENCE §6.1): besides {@code & < >}, also {@code "} and
 * carriage return ({@code &#xD;}), which an XML parser would otherwise normalise to a line feed, breaking the body's
 * MD5 on the client.
 */
final class XmlText {
    private XmlText() {}

    static void append(StringBuilder out, String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }
}
