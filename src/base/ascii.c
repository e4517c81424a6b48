/* ascii.c: the class table behind ascii.h's tests. */
#include "base/ascii.h"

#define UPPER(c) [c] = ASCII_CLASS_UPPER
#define LOWER(c) [c] = ASCII_CLASS_LOWER
#define DIGIT(c) [c] = ASCII_CLASS_DIGIT

/* Kept as written: clang-format would put each entry on a line of its own. */
/* clang-format off */
const unsigned char ascii_classes[256] = {
    UPPER('A'), UPPER('B'), UPPER('C'), UPPER('D'), UPPER('E'), UPPER('F'), UPPER('G'),
    UPPER('H'), UPPER('I'), UPPER('J'), UPPER('K'), UPPER('L'), UPPER('M'), UPPER('N'),
    UPPER('O'), UPPER('P'), UPPER('Q'), UPPER('R'), UPPER('S'), UPPER('T'), UPPER('U'),
    UPPER('V'), UPPER('W'), UPPER('X'), UPPER('Y'), UPPER('Z'), LOWER('a'), LOWER('b'),
    LOWER('c'), LOWER('d'), LOWER('e'), LOWER('f'), LOWER('g'), LOWER('h'), LOWER('i'),
    LOWER('j'), LOWER('k'), LOWER('l'), LOWER('m'), LOWER('n'), LOWER('o'), LOWER('p'),
    LOWER('q'), LOWER('r'), LOWER('s'), LOWER('t'), LOWER('u'), LOWER('v'), LOWER('w'),
    LOWER('x'), LOWER('y'), LOWER('z'), DIGIT('0'), DIGIT('1'), DIGIT('2'), DIGIT('3'),
    DIGIT('4'), DIGIT('5'), DIGIT('6'), DIGIT('7'), DIGIT('8'), DIGIT('9'),
    [' '] = ASCII_CLASS_SPACE, ['\t'] = ASCII_CLASS_SPACE, ['\n'] = ASCII_CLASS_SPACE,
    ['\r'] = ASCII_CLASS_SPACE,
};
/* clang-format on */
