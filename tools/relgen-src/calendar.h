/* calendar.h — the few date computations releases need: a day drawn in a month,
 * and an "Updated:" day some days after the release's. */
#ifndef RELGEN_CALENDAR_H
#define RELGEN_CALENDAR_H

int days_in_month(int y, int m);
long days_from_civil(int y, int m, int d);
void civil_from_days(long z, int *y, int *m, int *d);

#endif
