#include "config.h"

#include "fixture.h"

#include "relview/catalog.h"
#include "relview/parse.h"

#include <stdio.h>
#include <string.h>

bool fixture_add(struct catalog *cat, uint32_t date, const char *title, const char *location,
                 const char *topics, const char *body, const char *entry)
{
	return fixture_add_subtitled(cat, date, title, "", location, topics, body, entry);
}

bool fixture_add_subtitled(struct catalog *cat, uint32_t date, const char *title,
                           const char *subtitle, const char *location, const char *topics,
                           const char *body, const char *entry)
{
	static uint64_t ordinal;
	char text[1024];
	int n = snprintf(text, sizeof text, "%s\n%s%s%s\n%s\n%s", title, subtitle,
	                 *subtitle ? "\n" : "", location, topics, body);
	char *dst = catalog_reserve(cat, (size_t)n);
	if (!dst || n < 0 || (size_t)n >= sizeof text)
		return false;
	memcpy(dst, text, (size_t)n);
	struct parsed p = {.date = date};
	uint32_t off = 0;
	p.title = (struct span){off, (uint32_t)strlen(title)};
	off += p.title.len + 1;
	if (*subtitle) {
		p.subtitle = (struct span){off, (uint32_t)strlen(subtitle)};
		off += p.subtitle.len + 1;
	}
	p.location = (struct span){off, (uint32_t)strlen(location)};
	off += p.location.len + 1;
	for (const char *t = topics; *t && p.ntopics < PARSE_MAX_TOPICS;) {
		size_t len = strcspn(t, "|");
		p.topics[p.ntopics++] = (struct span){off + (uint32_t)(t - topics), (uint32_t)len};
		t += len + (t[len] == '|');
	}
	off += (uint32_t)strlen(topics) + 1;
	p.body = (struct span){off, (uint32_t)strlen(body)};
	return catalog_commit(cat, (size_t)n, &p, 0, ordinal++, entry, (struct str){NULL, 0});
}
