/**
 * One class per SQS action, named exactly like the action, and the registry {@link
 * dev.sluice.protocol.action.Actions}. Actions read the canonical request tree, call {@link
 * dev.sluice.engine.QueueEngine} and build the output tree; they never see the wire protocol (a test keeps it so).
 */
package dev.sluice.protocol.action;
