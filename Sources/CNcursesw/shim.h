// Turns the ncursesw macros and globals that Swift cannot import into functions (prefix pb_).
// No logic lives here: see PlaybookTerminal for how they are used.
#ifndef PLAYBOOK_CNCURSESW_SHIM_H
#define PLAYBOOK_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

static inline SCREEN *pb_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *pb_stdscr(void) { return stdscr; }
static inline WINDOW *pb_curscr(void) { return curscr; }
static inline int pb_lines(void) { return LINES; }
static inline int pb_cols(void) { return COLS; }
static inline int pb_colors(void) { return COLORS; }
static inline int pb_get_wch(wint_t *ch) { return wget_wch(stdscr, ch); }
static inline void pb_timeout(int ms) { wtimeout(stdscr, ms); }

static inline attr_t pb_attr_bold(void) { return A_BOLD; }
static inline attr_t pb_attr_reverse(void) { return A_REVERSE; }
static inline attr_t pb_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t pb_attr_dim(void) { return A_DIM; }
static inline attr_t pb_attr_normal(void) { return A_NORMAL; }
static inline int pb_attrset(attr_t attrs, short pair) { return wattr_set(stdscr, attrs, pair, NULL); }

/// The cursor-addressing capability: a terminal without it cannot show a checklist.
static inline int pb_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline mmask_t pb_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
/// 1 for a left click or press, 2 for wheel up, 3 for wheel down, 0 otherwise.
static inline int pb_get_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    return 0;
}

#endif
