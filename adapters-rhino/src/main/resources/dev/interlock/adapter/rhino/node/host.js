// The WHATWG URL standard's host parser, for url.js: IPv4 literals in every spelling Node accepts
// (0177.0.0.1, 127.1, 0x7f000001, 2130706433 are all 127.0.0.1), IPv6 literals written back
// canonically. EgressHost/IpLiterals on the Java side read hosts the same way, so the host a
// script sees in `new URL(...).hostname` is the one the egress policy checks. ES5; no state.
(function (native, lib) {
  'use strict';

  // One part of an IPv4 literal: decimal, octal (leading 0) or hex (0x); NaN when it is not.
  function ipv4Number(part) {
    if (part === '') return NaN;
    var radix = 10;
    if (part.length >= 2 && (part.slice(0, 2) === '0x' || part.slice(0, 2) === '0X')) {
      radix = 16;
      part = part.slice(2);
    } else if (part.length >= 2 && part.charAt(0) === '0') {
      radix = 8;
      part = part.slice(1);
    }
    if (part === '') return 0;
    var digits = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
    return digits.test(part) ? parseInt(part, radix) : NaN;
  }

  // A host whose last label is a number is an IPv4 literal, valid or not; never a name to look up.
  function endsInNumber(h) {
    var parts = h.split('.');
    if (parts[parts.length - 1] === '') {
      if (parts.length === 1) return false;
      parts.pop();
    }
    var last = parts[parts.length - 1];
    return /^[0-9]+$/.test(last) || !isNaN(ipv4Number(last));
  }

  // Dotted decimal, or null: at most four parts, all but the last below 256, the last filling the rest.
  function parseIpv4(h) {
    var parts = h.split('.');
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    if (parts.length > 4) return null;
    var numbers = [];
    for (var i = 0; i < parts.length; i++) {
      var n = ipv4Number(parts[i]);
      if (isNaN(n) || (i < parts.length - 1 && n > 255)) return null;
      numbers.push(n);
    }
    var value = numbers[numbers.length - 1];
    if (value >= Math.pow(256, 5 - numbers.length)) return null;
    for (var k = 0; k < numbers.length - 1; k++) value += numbers[k] * Math.pow(256, 3 - k);
    var bytes = [];
    for (var b = 3; b >= 0; b--) {
      bytes[b] = value % 256;
      value = Math.floor(value / 256);
    }
    return bytes.join('.');
  }

  // Eight 16-bit pieces, or null.
  function parseIpv6(s) {
    var pieces = [0, 0, 0, 0, 0, 0, 0, 0], piece = 0, compress = -1, i = 0, n = s.length;
    if (s.charAt(0) === ':') {
      if (s.charAt(1) !== ':') return null;
      i = 2;
      compress = 0;
      piece = 1;
    }
    while (i < n) {
      if (piece === 8) return null;
      if (s.charAt(i) === ':') {
        if (compress >= 0) return null;
        i++;
        compress = piece++;
        continue;
      }
      var value = 0, length = 0;
      while (length < 4 && i < n && /[0-9a-fA-F]/.test(s.charAt(i))) {
        value = value * 16 + parseInt(s.charAt(i), 16);
        i++;
        length++;
      }
      if (s.charAt(i) === '.') {
        if (length === 0 || piece > 6) return null;
        var quad = s.slice(i - length).split('.');
        if (quad.length !== 4) return null;
        for (var q = 0; q < 4; q++) {
          if (!/^(0|[1-9][0-9]{0,2})$/.test(quad[q]) || Number(quad[q]) > 255) return null;
        }
        pieces[piece++] = Number(quad[0]) * 256 + Number(quad[1]);
        pieces[piece++] = Number(quad[2]) * 256 + Number(quad[3]);
        break;
      }
      if (s.charAt(i) === ':') {
        i++;
        if (i === n) return null;
      } else if (i < n) {
        return null;
      }
      if (length === 0) return null;
      pieces[piece++] = value;
    }
    if (compress >= 0) {
      var tail = pieces.slice(compress, piece);
      for (var z = compress; z < 8; z++) pieces[z] = 0;
      for (var t = 0; t < tail.length; t++) pieces[8 - tail.length + t] = tail[t];
    } else if (piece !== 8) {
      return null;
    }
    return pieces;
  }

  // Lower-case hex, the first longest run of two or more zero pieces written as '::'.
  function formatIpv6(p) {
    var bestStart = -1, bestLength = 1;
    for (var k = 0; k < 8; k++) {
      var len = 0;
      while (k + len < 8 && p[k + len] === 0) len++;
      if (len > bestLength) { bestStart = k; bestLength = len; }
    }
    var out = '';
    for (var j = 0; j < 8; j++) {
      if (j === bestStart) {
        out += j === 0 ? '::' : ':';
        j += bestLength - 1;
        continue;
      }
      out += p[j].toString(16);
      if (j < 7) out += ':';
    }
    return out;
  }

  // The host as a URL stores it, or null when it is not valid. `opaque` encodes a non-special URL's host.
  function parseHost(host, special, opaque) {
    if (host === '') return special ? null : '';
    if (host.charAt(0) === '[') {
      var v6 = host.charAt(host.length - 1) === ']' ? parseIpv6(host.slice(1, -1)) : null;
      return v6 ? '[' + formatIpv6(v6) + ']' : null;
    }
    if (!special) return opaque(host);
    var h;
    try { h = decodeURIComponent(host); } catch (e) { return null; }
    h = h.toLowerCase();
    if (/[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/.test(h)) return null;
    if (/[^\x00-\x7f]/.test(h)) return null; // IDNA (punycode) is not supported
    return endsInNumber(h) ? parseIpv4(h) : h;
  }

  return { urlHost: { parse: parseHost } };
})
