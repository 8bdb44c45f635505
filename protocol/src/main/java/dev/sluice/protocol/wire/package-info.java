/**
 * The two SQS wire protocols: AWS JSON 1.0 ({@link dev.sluice.protocol.wire.JsonProtocol}) and AWS Query
 * ({@link dev.sluice.protocol.wire.QueryProtocol}). Both decode into the same canonical request tree (a Jackson
 * {@code ObjectNode} with the JSON member names of {@code service-2.json}: ints, longs, booleans, binary nodes for
 * blobs) and encode answers by walking the output shape of the model, so no action has a hand-written reader or
 * writer. Each protocol class is the one place its error format is written.
 *
 * <p>Decisions for bad input, where AWS's exact answer is not recorded:
 *
 * <table>
 *   <caption>Bad input and the error it gets</caption>
 *   <tr><th>input</th><th>JSON</th><th>Query</th></tr>
 *   <tr><td>body not JSON, trailing data, invalid UTF-8, duplicate key, nesting deeper than 32, top level not an
 *       object</td><td>SerializationException 400 (x-amzn-query-error MalformedInput)</td><td>n/a</td></tr>
 *   <tr><td>value of the wrong JSON type (string for an integer, fraction, integer out of range, object for a
 *       string)</td><td>SerializationException 400</td><td>n/a (Query has no types)</td></tr>
 *   <tr><td>text that is not an integer/boolean/base64 blob</td><td>InvalidParameterValue 400 (bad base64)</td>
 *       <td>InvalidParameterValue 400, "Value V for parameter P is invalid. Reason: Must be an integer."</td></tr>
 *   <tr><td>broken percent escape</td><td>n/a</td><td>MalformedQueryString (404, as ERRORS.md lists it)</td></tr>
 *   <tr><td>value not UTF-8 after percent-decoding</td><td>n/a</td><td>InvalidParameterValue 400 naming the
 *       parameter</td></tr>
 *   <tr><td>parameter name not UTF-8; list index not 1..2^31-1; more than 10,000 parameters</td><td>n/a</td>
 *       <td>InvalidQueryParameter 400</td></tr>
 *   <tr><td>required member missing</td><td colspan="2">MissingParameter 400 "The request must contain the
 *       parameter X." (nested members named by their wire path, e.g. {@code SendMessageBatchRequestEntry.1.Id}
 *       or {@code Entries.1.Id})</td></tr>
 * </table>
 *
 * <p>Unknown members and parameters are ignored; {@code null} in JSON is absent; in Query the first occurrence of a
 * name wins (URL query string before form body) and a required list that is absent reads as empty.
 */
package dev.sluice.protocol.wire;
