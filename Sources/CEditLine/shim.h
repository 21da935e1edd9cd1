// Swift cannot call C variadic functions, and libedit's el_set/el_get/history are
// variadic. These fixed-arity wrappers are the only way Evalbook talks to them.
#include <stdio.h>
#include <histedit.h>

typedef unsigned char (*evalbook_el_func_t)(EditLine *, int);
typedef char *(*evalbook_el_prompt_t)(EditLine *);

static inline int evalbook_el_set_prompt(EditLine *el, evalbook_el_prompt_t fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int evalbook_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int evalbook_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int evalbook_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int evalbook_el_add_function(EditLine *el, const char *name, const char *help, evalbook_el_func_t fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int evalbook_el_bind(EditLine *el, const char *key, const char *fn_name) {
    return el_set(el, EL_BIND, key, fn_name, NULL);
}
static inline int evalbook_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *evalbook_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int evalbook_history_set_size(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}
static inline int evalbook_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}
static inline int evalbook_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}
static inline int evalbook_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}
static inline int evalbook_history_set_unique(History *h, HistEvent *ev, int unique) {
    return history(h, ev, H_SETUNIQUE, unique);
}
/* Turns the tty's signal keys off while a line is edited (the "-d" edit mode only),
   so Ctrl-C reaches libedit as a key that the REPL binds to "clear the line";
   while code runs, the terminal is back in its normal mode and Ctrl-C is SIGINT. */
static inline int evalbook_el_set_tty_no_signals(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", NULL);
}
