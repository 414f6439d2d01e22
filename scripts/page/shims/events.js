// node:events for the page: the EventEmitter that readable-stream, yauzl and yazl extend.
export function EventEmitter() {
  this._events = Object.create(null);
}
EventEmitter.prototype._ev = function () {
  if (!this._events) this._events = Object.create(null);
  return this._events;
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener = function (name, fn) {
  const ev = this._ev();
  if (ev.newListener && name !== 'newListener') this.emit('newListener', name, fn.listener ?? fn);
  (ev[name] ??= []).push(fn);
  return this;
};
EventEmitter.prototype.prependListener = function (name, fn) {
  (this._ev()[name] ??= []).unshift(fn);
  return this;
};
EventEmitter.prototype.once = function (name, fn) {
  const self = this;
  function w(...a) {
    self.removeListener(name, w);
    return fn.apply(this, a);
  }
  w.listener = fn;
  return this.on(name, w);
};
EventEmitter.prototype.prependOnceListener = function (name, fn) {
  const self = this;
  function w(...a) {
    self.removeListener(name, w);
    return fn.apply(this, a);
  }
  w.listener = fn;
  return this.prependListener(name, w);
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener = function (name, fn) {
  const list = this._ev()[name];
  if (!list) return this;
  const i = list.findIndex((l) => l === fn || l.listener === fn);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) delete this._events[name];
  return this;
};
EventEmitter.prototype.removeAllListeners = function (name) {
  if (name === undefined) this._events = Object.create(null);
  else delete this._ev()[name];
  return this;
};
EventEmitter.prototype.emit = function (name, ...args) {
  const list = this._ev()[name];
  if (name === 'error' && this._events[errorMonitor]) for (const l of [...this._events[errorMonitor]]) l.apply(this, args);
  if (!list || list.length === 0) {
    if (name === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error: ${args[0]}`);
    return false;
  }
  for (const l of [...list]) l.apply(this, args);
  return true;
};
EventEmitter.prototype.listeners = function (name) {
  return (this._ev()[name] ?? []).map((l) => l.listener ?? l);
};
EventEmitter.prototype.rawListeners = function (name) {
  return [...(this._ev()[name] ?? [])];
};
EventEmitter.prototype.listenerCount = function (name) {
  return (this._ev()[name] ?? []).length;
};
EventEmitter.prototype.eventNames = function () {
  return Reflect.ownKeys(this._ev());
};
EventEmitter.prototype.setMaxListeners = function () {
  return this;
};
EventEmitter.prototype.getMaxListeners = () => 10;
EventEmitter.listenerCount = (em, name) => em.listenerCount(name);
EventEmitter.defaultMaxListeners = 10;
export const errorMonitor = Symbol('events.errorMonitor');
EventEmitter.errorMonitor = errorMonitor;
EventEmitter.EventEmitter = EventEmitter;
export function once(em, name) {
  return new Promise((resolve, reject) => {
    em.once(name, (...a) => resolve(a));
    if (name !== 'error') em.once('error', reject);
  });
}
EventEmitter.once = once;
export default EventEmitter;
