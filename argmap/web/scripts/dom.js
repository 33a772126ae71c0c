// dom.js — build elements from data without ever parsing claim text as HTML.

// An element with attributes ("text" sets textContent, "on" adds listeners) and children.
function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (key === "text") node.textContent = value;
    else if (key === "on") Object.entries(value).forEach(([event, f]) => node.addEventListener(event, f));
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
  });
  (children || []).forEach((child) => child && node.append(child));
  return node;
}

const byElementId = (id) => document.getElementById(id);

Object.assign(exports, { el, byElementId });
