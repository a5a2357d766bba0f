package postgres

import (
	"strconv"
	"strings"
	"sync"
)

// The store writes its queries once, for both engines, with SQLite's
// placeholders: ? (the next one) and ?N (the Nth). Rebind turns them into
// PostgreSQL's $N, leaving string literals, quoted names, comments and
// dollar-quoted bodies alone, and drops SQLite's planner hint NOT INDEXED,
// which means nothing here. Each query is rewritten once and remembered.

var rebound sync.Map // query → rewritten

// Rebind rewrites a query of the store for PostgreSQL.
func Rebind(query string) string {
	if q, ok := rebound.Load(query); ok {
		return q.(string)
	}
	q := rebind(query)
	rebound.Store(query, q)
	return q
}

func rebind(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	last := 0 // the highest placeholder number so far: a bare ? is the next
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := closing(q, i+1, c)
			b.WriteString(q[i:j])
			i = j
		case c == '-' && strings.HasPrefix(q[i:], "--"):
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j
		case c == '/' && strings.HasPrefix(q[i:], "/*"):
			j := strings.Index(q[i+2:], "*/")
			if j < 0 {
				j = len(q) - i - 2
			} else {
				j += 2
			}
			b.WriteString(q[i : i+2+j])
			i += 2 + j
		case c == '$' && dollarTag(q[i:]) != "":
			tag := dollarTag(q[i:])
			j := strings.Index(q[i+len(tag):], tag)
			if j < 0 {
				j = len(q) - i - len(tag)
			} else {
				j += len(tag)
			}
			b.WriteString(q[i : i+len(tag)+j])
			i += len(tag) + j
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			n := last + 1
			if j > i+1 {
				n, _ = strconv.Atoi(q[i+1 : j])
			}
			last = max(last, n)
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			i = j
		case (c == 'N' || c == 'n') && notIndexed(q, i):
			i += len("NOT INDEXED")
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// closing is the index just past the quote c that closes a literal or a
// name opened before from (a doubled quote is part of it).
func closing(q string, from int, c byte) int {
	for i := from; i < len(q); i++ {
		if q[i] == c {
			if i+1 < len(q) && q[i+1] == c {
				i++
				continue
			}
			return i + 1
		}
	}
	return len(q)
}

// dollarTag is the $tag$ opening a dollar-quoted string at the start of s,
// "" when there is none ($1 is a parameter).
func dollarTag(s string) string {
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '$':
			return s[:i+1]
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 1 && c >= '0' && c <= '9':
		default:
			return ""
		}
	}
	return ""
}

// notIndexed reports the words NOT INDEXED standing at q[i:].
func notIndexed(q string, i int) bool {
	const hint = "NOT INDEXED"
	if len(q)-i < len(hint) || !strings.EqualFold(q[i:i+len(hint)], hint) {
		return false
	}
	word := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return (i == 0 || !word(q[i-1])) && (i+len(hint) == len(q) || !word(q[i+len(hint)]))
}
