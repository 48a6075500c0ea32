/**
 * How decoded events reach user code: the dispatcher contract generated code implements, and the context handlers
 * receive.
 */
package io.chainwire.handler;
