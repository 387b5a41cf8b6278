#!/usr/bin/python3
# test-vote-browser.py: the vote page in a real browser, as a phone meets it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Serves a vote round on loopback (tests/vote-serve), opens its address
# in headless Chromium in a phone-sized window, driven by Selenium, and
# votes as a participant would: type the room code, choose a level, send.
# Then checks that exactly that vote was counted, that the same browser
# is told it already voted, that a wrong code and a closed round are
# answered in words, that every control has a name a screen reader says,
# that the page loads nothing from elsewhere and shows nothing of the
# matrix, and that it speaks Dutch to a browser that asks for it.
#
#   test-vote-browser.py VOTE-SERVE MATRIX DUTCH-MO [SCREENSHOT-DIR]
#
# DUTCH-MO is a message catalog with a few of the page's messages in
# Dutch (tests/data/vote/nl.po), laid out here as bindtextdomain() wants.
#
# Prints TAP. Skips when Selenium, Chromium or its driver is missing.

import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print('1..0 # SKIP python3-selenium is not installed')
    sys.exit(0)

CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
DRIVER = shutil.which('chromedriver')
if CHROMIUM is None or DRIVER is None:
    print('1..0 # SKIP chromium or chromium-driver is not installed')
    sys.exit(0)

SERVE, MATRIX, DUTCH_MO = sys.argv[1:4]
SHOTS = sys.argv[4] if len(sys.argv) > 4 else None

LOCALEDIR = tempfile.mkdtemp(prefix='trellis-vote-locale-')
os.makedirs(os.path.join(LOCALEDIR, 'nl', 'LC_MESSAGES'))
shutil.copy(DUTCH_MO, os.path.join(LOCALEDIR, 'nl', 'LC_MESSAGES', 'trellis.mo'))

# What the page must never show: names from the matrix, its people, the
# words of its scale.
SECRETS = ['Small', 'Agent', 'Lead', 'Active listening', 'Product knowledge',
           'Handle complaints', 'Anna', 'Ben', 'ro-agent', 'c-listen', 'Not yet',
           'Proficient', 'Summarises']

results = []


def ok(passed, description, detail=''):
    results.append((bool(passed), description, detail))


class Round:
    """A round served by vote-serve, driven through its stdin."""

    def __init__(self, row, column):
        self.process = subprocess.Popen([SERVE, MATRIX, row, column, LOCALEDIR],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        self.address, self.invitation, self.code = self.process.stdout.readline().split()

    def ask(self, command):
        self.process.stdin.write(command + '\n')
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self):
        try:
            self.process.stdin.write('quit\n')
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        self.process.wait(timeout=10)


def browser(language='en'):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # Headless, in a phone-sized window; no sandbox, since tests may
    # run as root; nothing that reaches out to the network by itself.
    for argument in ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                     '--window-size=390,844', '--disable-background-networking',
                     '--disable-component-update', '--disable-default-apps', '--disable-sync',
                     '--no-first-run', '--disable-extensions', '--metrics-recording-only',
                     '--user-data-dir=' + tempfile.mkdtemp(prefix='trellis-chromium-'),
                     '--lang=' + language]:
        options.add_argument(argument)
    options.add_experimental_option('prefs', {'intl.accept_languages': language})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def wait_text(driver, element_id, timeout=10):
    def shown(d):
        text = d.find_element(By.ID, element_id).text.strip()
        return text if text else False
    return WebDriverWait(driver, timeout).until(shown)


def visible(driver, element_id):
    return driver.find_element(By.ID, element_id).is_displayed()


def shot(driver, name):
    if SHOTS:
        driver.save_screenshot(os.path.join(SHOTS, name + '.png'))


def page_words(driver):
    return driver.find_element(By.TAG_NAME, 'body').text + driver.page_source


def vote_as_a_phone(driver, vote_round, level, name=None, check=None):
    driver.get(vote_round.address)
    code = driver.find_element(By.ID, 'code')
    code.send_keys(vote_round.code.lower())
    driver.find_element(By.CSS_SELECTOR, '#join button').click()
    WebDriverWait(driver, 10).until(lambda d: visible(d, 'vote'))
    shot(driver, 'choices')
    if check:
        check(driver)
    driver.find_element(By.CSS_SELECTOR, 'input[name="level"][value="%d"]' % level).click()
    if name:
        driver.find_element(By.ID, 'name').send_keys(name)
    driver.find_element(By.CSS_SELECTOR, '#vote button[type="submit"]').click()
    WebDriverWait(driver, 10).until(lambda d: visible(d, 'done'))
    return wait_text(driver, 'status')


def test_vote(driver):
    vote_round = Round('ro-agent', 'c-listen')
    try:
        start = time.monotonic()
        driver.get(vote_round.address)
        ok(driver.title == 'Workshop Vote', 'the page opens with its title', driver.title)
        ok(driver.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'en', 'the page says its language')
        shot(driver, 'code')

        element = driver.find_element(By.ID, 'code')
        ok(element.accessible_name == 'Room code', 'the code field is named for a screen reader',
           repr(element.accessible_name))

        # A wrong code is answered in words, and nothing is counted.
        driver.find_element(By.ID, 'code').send_keys('AAAAAA' if vote_round.code != 'AAAAAA' else 'CCCCCC')
        driver.find_element(By.CSS_SELECTOR, '#join button').click()
        message = wait_text(driver, 'status')
        ok('not right' in message, 'a wrong room code is answered', message)
        ok(not visible(driver, 'vote'), 'a wrong room code shows no question')
        ok(vote_round.ask('count') == '0', 'a wrong room code counts nothing')

        def check_choices(d):
            choices = d.find_elements(By.CSS_SELECTOR, 'input[name="level"]')
            ok([c.get_attribute('value') for c in choices] == ['0', '1', '2', '3', '4'],
               'the choices are the levels of the scale')
            # Every control has a name a screen reader says.
            for choice in choices:
                ok(choice.accessible_name == choice.get_attribute('value'),
                   'the choice %s is named by its level' % choice.get_attribute('value'),
                   repr(choice.accessible_name))
            name = d.find_element(By.ID, 'name')
            ok(name.accessible_name == 'Your name (optional)', 'the name field is named for a screen reader',
               repr(name.accessible_name))
            legend = d.find_element(By.ID, 'legend').text
            ok(legend == 'Which level does the role need?', 'the question is asked without naming the role',
               legend)

        message = vote_as_a_phone(driver, vote_round, 3, 'Zoë', check_choices)
        took = time.monotonic() - start
        ok('counted' in message, 'the vote is confirmed', message)
        ok(vote_round.ask('count') == '1', 'the vote is counted once')
        shot(driver, 'counted')

        words = page_words(driver)
        shown = [s for s in SECRETS if s in words]
        ok(not shown, 'the page shows nothing of the matrix', ', '.join(shown))

        # The same browser again: told it already voted, nothing counted.
        driver.get(vote_round.address)
        driver.find_element(By.ID, 'code').send_keys(vote_round.code)
        driver.find_element(By.CSS_SELECTOR, '#join button').click()
        message = wait_text(driver, 'status')
        ok('already voted' in message, 'a second vote from the same browser is answered', message)
        ok(not visible(driver, 'vote'), 'a browser that voted is shown no choices again')
        ok(vote_round.ask('count') == '1', 'a second vote from the same browser is not counted')

        # A new vote on the same question: the same browser may vote again.
        ok(vote_round.ask('restart') == 'restarted', 'the round restarts')
        driver.find_element(By.ID, 'again').click()
        WebDriverWait(driver, 10).until(lambda d: visible(d, 'vote'))
        driver.find_element(By.CSS_SELECTOR, 'input[name="level"][value="1"]').click()
        driver.find_element(By.CSS_SELECTOR, '#vote button[type="submit"]').click()
        WebDriverWait(driver, 10).until(lambda d: visible(d, 'done'))
        ok(vote_round.ask('count') == '1', 'after a restart the browser votes again, once')

        # Revealed: voting has closed, and the page says so.
        counts = vote_round.ask('reveal')
        ok(counts == '0 1 0 0 0', 'the vote after the restart is the one revealed', counts)
        driver.find_element(By.ID, 'again').click()
        try:
            WebDriverWait(driver, 10).until(lambda d: 'closed' in d.find_element(By.ID, 'status').text)
        except WebDriverException:
            pass
        message = driver.find_element(By.ID, 'status').text
        ok('closed' in message, 'a closed round is answered in words', message)

        # Nothing came from anywhere but the vote's own address.
        requests = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
        foreign = [r for r in requests if not r.startswith(vote_round.address)]
        ok(not foreign, 'the page loads nothing from elsewhere', ', '.join(foreign))
        print('# from opening the address to a counted vote: %.1f s' % took)
    finally:
        vote_round.close()


def test_qr_address(driver):
    # The address in the QR code carries the code after '#': scanning it
    # skips typing, and the code is never sent in the address.
    vote_round = Round('rs-complaints', 'ro-agent')
    try:
        driver.get(vote_round.invitation)
        WebDriverWait(driver, 10).until(lambda d: visible(d, 'vote'))
        labels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, '.choice .label')]
        ok(len(labels) == 7 and labels[0] == '1 Tell' and labels[6] == '7 Delegate',
           'a delegation offers the seven levels in words', repr(labels))
        shot(driver, 'delegation')
        driver.find_element(By.CSS_SELECTOR, '#vote button[type="submit"]').click()
        ok(visible(driver, 'choose'), 'sending without a choice asks for one')
        ok(vote_round.ask('count') == '0', 'sending without a choice counts nothing')
        driver.find_element(By.CSS_SELECTOR, 'input[name="level"][value="5"]').click()
        driver.find_element(By.CSS_SELECTOR, '#vote button[type="submit"]').click()
        WebDriverWait(driver, 10).until(lambda d: visible(d, 'done'))
        ok(vote_round.ask('count') == '1', 'a vote from the scanned address is counted')
    finally:
        vote_round.close()


def test_dutch():
    driver = browser('nl')
    vote_round = Round('rs-complaints', 'ro-agent')
    try:
        driver.get(vote_round.address)
        ok(driver.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'nl',
           'a Dutch browser gets the page in Dutch')
        ok(driver.title == 'Stemming in de workshop', 'the title is translated', driver.title)
        driver.find_element(By.ID, 'code').send_keys(vote_round.code)
        driver.find_element(By.CSS_SELECTOR, '#join button').click()
        WebDriverWait(driver, 10).until(lambda d: visible(d, 'vote'))
        first = driver.find_element(By.CSS_SELECTOR, '.choice .label').text
        ok(first == '1 Vertellen', 'the delegation levels are in Dutch', first)
        shot(driver, 'dutch')
    finally:
        vote_round.close()
        driver.quit()


def main():
    try:
        driver = browser()
    except WebDriverException as e:
        print('1..0 # SKIP Chromium does not start here: %s' % str(e).splitlines()[0])
        return 0

    try:
        test_vote(driver)
        test_qr_address(driver)
    finally:
        driver.quit()
    test_dutch()

    print('1..%d' % len(results))
    failed = 0
    for i, (passed, description, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if passed else 'not ok', i, description))
        if not passed:
            failed += 1
            if detail:
                print('# ' + str(detail).replace('\n', '\n# '))
    return 1 if failed else 0


if __name__ == '__main__':
    try:
        status = main()
    finally:
        shutil.rmtree(LOCALEDIR, ignore_errors=True)
    sys.exit(status)
