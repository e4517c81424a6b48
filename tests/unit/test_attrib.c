/* test_attrib.c: the source of a sentence, in the shapes wire copy uses. */
#include <stdlib.h>
#include <string.h>

#include "extract/attrib.h"
#include "testlib.h"

/* The source of s, or "(none)"; previous is the sentence before's source. */
static const char *source(const char *s, const char *previous)
{
    static char buf[256];
    char *got = attrib_source(s, strlen(s), previous);
    snprintf(buf, sizeof buf, "%s", got ? got : "(none)");
    free(got);
    return buf;
}

static void test_verb_after_subject(void)
{
    CHECK_STR(source("A source within the army\xe2\x80\x99s 7th division told Alsumaria News "
                     "that 14 IS members were killed in an air raid.",
                     NULL),
              "a source within the army's 7th division");
    CHECK_STR(
        source("On Thursday, police said separate attacks killed at least 12 civilians.", NULL),
        "police");
    CHECK_STR(source("The ministry said in a statement that 20 were killed.", NULL),
              "the ministry");
    CHECK_STR(source("Amaq reported that dozens of civilians had died.", NULL), "Amaq");
    CHECK_STR(source("The group announced the capture of the town.", NULL), "the group");
    CHECK_STR(source("Islamic State claimed responsibility for the bombing.", NULL),
              "Islamic State");
    CHECK_STR(source("Local officials confirmed the toll on Sunday.", NULL), "Local officials");
    CHECK_STR(
        source("Parliament Speaker Salim al-Jabouri has said those responsible must pay.", NULL),
        "Parliament Speaker Salim al-Jabouri");
    CHECK_STR(source("Security sources said on Thursday that troops retook two districts.", NULL),
              "Security sources");
}

static void test_appositives(void)
{
    CHECK_STR(source("Col. Walid al-Dailami, from the army\xe2\x80\x99s Anbar Operations, said one "
                     "of the strikes killed 33.",
                     NULL),
              "Col. Walid al-Dailami");
    CHECK_STR(source("Meanwhile, Qassem al-Mohammadi, head of the army\xe2\x80\x99s al-Jazeera "
                     "Operations, told Mawazin news website that troops deployed.",
                     NULL),
              "Qassem al-Mohammadi");
    CHECK_STR(source("Gen. al-Maliki, who is speaking in the footage released late Wednesday "
                     "night, said Iraqi helicopters carried out all the strikes.",
                     NULL),
              "Gen. al-Maliki");
    CHECK_STR(source("Meanwhile, Anbar\xe2\x80\x99s top operations commander, Qassem al-Mohammadi, "
                     "was quoted by AlMada Press as saying that five militants were killed.",
                     NULL),
              "Qassem al-Mohammadi");
}

static void test_institutions(void)
{
    CHECK_STR(source("The Syrian Observatory for Human Rights, a Britain-based war monitor, said "
                     "at least 20 were killed.",
                     NULL),
              "the Syrian Observatory for Human Rights");
    CHECK_STR(
        source("Nigeria\xe2\x80\x99s army spokesman, Brig. Gen. Onyema Nwachukwu, said troops "
               "killed 12 insurgents.",
               NULL),
        "Brig. Gen. Onyema Nwachukwu");
    CHECK_STR(source("Houthi-run Saba news agency reported that 9 civilians died.", NULL),
              "Houthi-run Saba news agency");
    CHECK_STR(source("Two soldiers were killed, a local official told AFP on condition of "
                     "anonymity.",
                     NULL),
              "a local official");
    CHECK_STR(source("\xe2\x80\x9cThey came at night,\xe2\x80\x9d said the governor of Helmand, "
                     "Mohammad Yasin Khan.",
                     NULL),
              "the governor of Helmand");
}

static void test_inverted(void)
{
    CHECK_STR(source("\xe2\x80\x9cWe destroyed more than 200 vehicles,\xe2\x80\x9d said Yahya "
                     "Rasool, a spokesman of the operations in Anbar.",
                     NULL),
              "Yahya Rasool");
    CHECK_STR(source("\"They fled,\" said Col. Christopher Garver.", NULL),
              "Col. Christopher Garver");
    CHECK_STR(source("Five people were killed, said a police officer.", NULL), "a police officer");
    CHECK_STR(source("\xe2\x80\x9cMore than 20 helicopters took part,\xe2\x80\x9d Iraqi army "
                     "commander Lt. Gen. Hamid al-Maliki said.",
                     NULL),
              "Iraqi army commander Lt. Gen. Hamid al-Maliki");
}

static void test_according_to(void)
{
    CHECK_STR(source("According to the statement, the strike killed 14.", NULL), "the statement");
    CHECK_STR(source("The coalition said Thursday that it conducted airstrikes, according to "
                     "spokesman Col. Christopher Garver.",
                     NULL),
              "spokesman Col. Christopher Garver");
    CHECK_STR(source("It controls 14% of Iraqi territory, according to the office of the prime "
                     "minister.",
                     NULL),
              "the office of the prime minister");
}

static void test_pronouns(void)
{
    CHECK_STR(
        source("\xe2\x80\x9cNo other force took part,\xe2\x80\x9d he said.", "Gen. al-Maliki"),
        "Gen. al-Maliki");
    CHECK_STR(source("He said the two areas were taken back.", "Raji al-Issawi"), "Raji al-Issawi");
    CHECK_STR(source("He said the two areas were taken back.", NULL), "(none)");
    CHECK_STR(source("He told Reuters that 12 died.", NULL), "Reuters");
    CHECK_STR(source("They told Reuters that 12 died.", "Amaq"), "Amaq");
    CHECK_STR(source("\xe2\x80\x9cThey said we must leave,\xe2\x80\x9d the official said.", NULL),
              "the official");
    CHECK_STR(source("A police officer who spoke on condition of anonymity said 12 died.", NULL),
              "a police officer");
}

static void test_no_source(void)
{
    CHECK_STR(source("Army jets kill 14 Islamic State members in Qaim.", NULL), "(none)");
    CHECK_STR(source("The convoy was reportedly heading south of Fallujah.", NULL), "(none)");
    CHECK_STR(source("It was reported that 12 died.", "Amaq"), "(none)");
    CHECK_STR(source("No group has claimed responsibility for the attack.", NULL), "(none)");
    CHECK_STR(source("The strikes were estimated to have destroyed 175 vehicles.", NULL), "(none)");
}

int main(void)
{
    RUN(test_verb_after_subject);
    RUN(test_appositives);
    RUN(test_institutions);
    RUN(test_inverted);
    RUN(test_according_to);
    RUN(test_pronouns);
    RUN(test_no_source);
    return TESTS_DONE();
}
