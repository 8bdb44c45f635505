package dev.sluice.protocol.model;

/** The kinds of shape the SQS service model uses. */
public enum ShapeType {
    STRUCTURE,
    LIST,
    MAP,
    STRING,
    INTEGER,
    LONG,
    BOOLEAN,
    BLOB;

    static ShapeType of(String modelType) {
        return switch (modelType) {
            case "structure" -> STRUCTURE;
            case "list" -> LIST;
            case "map" -> MAP;
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "long" -> LONG;
            case "boolean" -> BOOLEAN;
            case "blob" -> BLOB;
            default -> throw new IllegalStateException("shape type not supported by Sluice: " + modelType);
        };
    }
}
