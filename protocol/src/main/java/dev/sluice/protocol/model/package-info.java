/** The SQS service model (botocore's JSON and Query models, merged) that drives both codecs. */
package dev.sluice.protocol.model;
