<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Durations</name>
    <message numerus="yes">
        <location filename="../../authenticator/ui/common/durations.py" line="19"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoogleExportDialog</name>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/qr.py" line="211"/>
        <source>Google Authenticator cannot hold %n of these accounts (shown greyed with the reason); keep them here or use another app.</source>
        <translation>
            <numerusform>Google Authenticator cannot hold %n of these accounts (shown greyed with the reason); keep it here or use another app.</numerusform>
            <numerusform>Google Authenticator cannot hold %n of these accounts (shown greyed with the reason); keep them here or use another app.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IconPacks</name>
    <message numerus="yes">
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="243"/>
        <source>Icon pack “{name}” added (%n icon(s))</source>
        <translation>
            <numerusform>Icon pack “{name}” added (%n icon)</numerusform>
            <numerusform>Icon pack “{name}” added (%n icons)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/importing.py" line="253"/>
        <source>&amp;Import %n account(s)</source>
        <translation>
            <numerusform>&amp;Import %n account</numerusform>
            <numerusform>&amp;Import %n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/backups.py" line="220"/>
        <source>&amp;Restore %n missing</source>
        <translation>
            <numerusform>&amp;Restore %n missing</numerusform>
            <numerusform>&amp;Restore %n missing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../../authenticator/ui/enroll/review.py" line="46"/>
        <source>This Google Authenticator export holds %n account(s). Untick the ones you don&apos;t want.</source>
        <translation>
            <numerusform>This Google Authenticator export holds %n account. Untick it if you don&apos;t want it.</numerusform>
            <numerusform>This Google Authenticator export holds %n accounts. Untick the ones you don&apos;t want.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/enroll/review.py" line="49"/>
        <source>Found %n account(s). Untick the ones you don&apos;t want.</source>
        <translation>
            <numerusform>Found %n account. Untick it if you don&apos;t want it.</numerusform>
            <numerusform>Found %n accounts. Untick the ones you don&apos;t want.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/menu.py" line="201"/>
        <source>Added %n account(s)</source>
        <translation>
            <numerusform>Added %n account</numerusform>
            <numerusform>Added %n accounts</numerusform>
        </translation>
    </message>
</context>
</TS>
