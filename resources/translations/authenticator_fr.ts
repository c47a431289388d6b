<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountDelegate</name>
    <message>
        <location filename="../../authenticator/ui/codes/delegate.py" line="251"/>
        <source>next {code}</source>
        <extracomment>Static layers kept (each a row-sized pixmap, ~130 KiB at 100% scale): a few screens&apos; worth, so scrolling through thousands of accounts does not keep thousands of them.</extracomment>
        <translation>suivant {code}</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <location filename="../../authenticator/ui/codes/model.py" line="362"/>
        <source>Unnamed</source>
        <extracomment>What moves every second: only the countdown ring (arc and number) is repainted. Entering the last seconds: the code turns urgent and the next code appears. Roles whose change only moves the countdown ring (see countdown.CountdownListView). Emitted after the user reordered rows by drag and drop (ids in new order).</extracomment>
        <translation>Sans nom</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/model.py" line="365"/>
        <source>{who}, code {code}, counter-based</source>
        <translation>{who}, code {code}, basé sur un compteur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/model.py" line="367"/>
        <source>{who}, code {code}, {seconds} seconds left, next {next}</source>
        <translation>{who}, code {code}, encore {seconds} secondes, suivant {next}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/model.py" line="369"/>
        <source>{who}, code {code}, {seconds} seconds left</source>
        <translation>{who}, code {code}, encore {seconds} secondes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/model.py" line="377"/>
        <source>Tags: {tags}</source>
        <translation>Étiquettes&#xa0;: {tags}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/model.py" line="379"/>
        <source>Short key ({bits} bits)</source>
        <translation>Clé courte ({bits} bits)</translation>
    </message>
</context>
<context>
    <name>AegisExportDialog</name>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="31"/>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="67"/>
        <source>Export for Aegis</source>
        <translation>Exporter pour Aegis</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="35"/>
        <source>Aegis imports this file as one of its own backups (in Aegis: Settings, Import &amp; Export, Import from file, Aegis), with names, notes, favourites and tags.</source>
        <translation>Aegis importe ce fichier comme l’une de ses propres sauvegardes (dans Aegis : Réglages, Importer et exporter, Importer depuis un fichier, Aegis), avec les noms, notes, favoris et étiquettes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="40"/>
        <source>Aegis file</source>
        <translation>Fichier Aegis</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="40"/>
        <source>Where to save it</source>
        <translation>Où l’enregistrer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="41"/>
        <source>Choose the Aegis file</source>
        <translation>Choisir le fichier Aegis</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="47"/>
        <source>&amp;Protect the file with a password</source>
        <translation>Pro&amp;téger le fichier par un mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="43"/>
        <source>Password of the Aegis file</source>
        <translation>Mot de passe du fichier Aegis</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="44"/>
        <source>Password of the Aegis file again</source>
        <translation>Mot de passe du fichier Aegis, à nouveau</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="42"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="58"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="59"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="59"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="68"/>
        <source>Aegis vault files (*.json);;All files (*)</source>
        <translation>Fichiers de coffre Aegis (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="77"/>
        <source>Without a password the file holds your keys UNENCRYPTED: delete it once Aegis has imported it.</source>
        <translation>Sans mot de passe, le fichier contient vos clés NON CHIFFRÉES : supprimez-le dès qu’Aegis l’a importé.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/aegis.py" line="80"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="51"/>
        <location filename="../../authenticator/ui/transfer/backups.py" line="81"/>
        <source>Back up to a file</source>
        <translation>Sauvegarder dans un fichier</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="54"/>
        <source>The backup is encrypted under a password of its own. Keep it somewhere safe: without this password it cannot be opened.</source>
        <translation>La sauvegarde est chiffrée avec son propre mot de passe. Conservez-le en lieu sûr&#xa0;: sans ce mot de passe, elle ne peut pas être ouverte.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="59"/>
        <source>Backup file</source>
        <translation>Fichier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="60"/>
        <source>Where to save it (another disk is best)</source>
        <translation>Où l’enregistrer (un autre disque, c’est mieux)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="61"/>
        <source>Choose the backup file</source>
        <translation>Choisir le fichier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="62"/>
        <source>Backup password</source>
        <translation>Mot de passe de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="63"/>
        <source>Backup password again</source>
        <translation>Mot de passe de la sauvegarde, à nouveau</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="62"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="72"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="73"/>
        <source>&amp;Create backup</source>
        <translation>&amp;Créer la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="73"/>
        <source>Create backup</source>
        <translation>Créer la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="89"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="39"/>
        <source>Authenticator backups (*.authvault);;All files (*)</source>
        <translation>Sauvegardes Authenticator (*.authvault);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../authenticator/ui/common/widgets.py" line="228"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
</context>
<context>
    <name>BrowserFeature</name>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="81"/>
        <source>Recent browser &amp;fills…</source>
        <translation>&amp;Derniers remplissages du navigateur…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="161"/>
        <source>Copied {label} for the browser</source>
        <translation>{label} copié pour le navigateur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="181"/>
        <location filename="../../authenticator/ui/browser/feature.py" line="293"/>
        <source>Filled</source>
        <translation>Rempli</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="183"/>
        <source>Refused: looks like a bound site</source>
        <translation>Refusé&#xa0;: imite un site lié</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="184"/>
        <source>Blocked a code request from {site}: it only looks like one of your sites.</source>
        <translation>Demande de code bloquée pour {site}&#xa0;: ce site ne fait que ressembler à l’un des vôtres.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="187"/>
        <location filename="../../authenticator/ui/browser/feature.py" line="264"/>
        <source>Not for this site</source>
        <translation>Pas pour ce site</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="189"/>
        <source>Refused: not https</source>
        <translation>Refusé&#xa0;: pas en https</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="191"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="193"/>
        <source>Refused: browser not paired</source>
        <translation>Refusé&#xa0;: navigateur non associé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/feature.py" line="269"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>BrowserSettingsBox</name>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="26"/>
        <source>Browser extension</source>
        <translation>Extension de navigateur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="29"/>
        <source>As&amp;k before each fill</source>
        <translation>Demander avant chaque rem&amp;plissage</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="30"/>
        <source>Show a question in this window before a browser gets a code, even for a bound site.</source>
        <translation>Poser une question dans cette fenêtre avant qu’un navigateur reçoive un code, même pour un site lié.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="47"/>
        <source>No browser is paired. The first time the extension asks, you are asked to allow it.</source>
        <translation>Aucun navigateur n’est associé. La première fois que l’extension le demande, vous devez l’autoriser.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="51"/>
        <source>Paired browsers:</source>
        <translation>Navigateurs associés&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="57"/>
        <source>{browser} (since {date})</source>
        <translation>{browser} (depuis le {date})</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="58"/>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="62"/>
        <source>A browser</source>
        <translation>Un navigateur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="60"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/settings_section.py" line="61"/>
        <source>Revoke {browser}</source>
        <translation>Révoquer {browser}</translation>
    </message>
</context>
<context>
    <name>BrowserSite</name>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="60"/>
        <source>Careful: this name mixes {scripts} letters, a trick phishing sites use to look like another site.</source>
        <translation>Attention&#xa0;: ce nom mélange des lettres {scripts}, une ruse des sites d’hameçonnage pour ressembler à un autre site.</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="144"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="145"/>
        <source>Camera:</source>
        <translation>Caméra&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="149"/>
        <source>Camera preview</source>
        <translation>Aperçu de la caméra</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="158"/>
        <source>Camera status</source>
        <translation>État de la caméra</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="169"/>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="170"/>
        <source>Hold the QR code in the middle of the picture, about a hand&apos;s width from the camera.</source>
        <translation>Tenez le code QR au milieu de l’image, à environ une main de la caméra.</translation>
    </message>
</context>
<context>
    <name>CameraRoute</name>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="212"/>
        <source>Looking for cameras…</source>
        <translation>Recherche des caméras…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="226"/>
        <source>No camera</source>
        <translation>Aucune caméra</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="229"/>
        <source>No camera was found. Plug in a webcam and choose this route again, or scan the QR code from your screen or an image instead.</source>
        <translation>Aucune caméra n’a été trouvée. Branchez une webcam et choisissez de nouveau cette option, ou scannez plutôt le code QR à l’écran ou depuis une image.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/camera.py" line="271"/>
        <source>The camera is not available</source>
        <translation>La caméra n’est pas disponible</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="33"/>
        <source>Change the vault password</source>
        <translation>Changer le mot de passe du coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="37"/>
        <source>The keys stay as they are; only the password that unlocks them changes. Automatic backups keep the password that was current when they were made.</source>
        <translation>Les clés restent les mêmes&#xa0;; seul le mot de passe qui les déverrouille change. Les sauvegardes automatiques gardent le mot de passe en vigueur au moment où elles ont été faites.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="42"/>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="43"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="44"/>
        <source>Repeat the new password</source>
        <translation>Répétez le nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="45"/>
        <source>C&amp;urrent password:</source>
        <translation>Mot de passe &amp;actuel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="46"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="47"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="51"/>
        <source>Password strength</source>
        <translation>Solidité du mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="60"/>
        <source>Changing the password</source>
        <translation>Changement du mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="65"/>
        <source>&amp;Change password</source>
        <translation>&amp;Changer le mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="66"/>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="68"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="90"/>
        <source>The new password needs at least {n} characters.</source>
        <translation>Le nouveau mot de passe doit comporter au moins {n} caractères.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="94"/>
        <source>The two new passwords are different.</source>
        <translation>Les deux nouveaux mots de passe sont différents.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="123"/>
        <source>The current password is wrong.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
</context>
<context>
    <name>ChooseAccountDialog</name>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="104"/>
        <source>Which account?</source>
        <translation>Quel compte&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="107"/>
        <source>{site} wants a code. Which account is for this site?</source>
        <translation>{site} demande un code. Quel compte correspond à ce site&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="111"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="122"/>
        <source>&amp;Remember: always use this account on {domain}</source>
        <translation>&amp;Mémoriser&#xa0;: toujours utiliser ce compte sur {domain}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="128"/>
        <source>&amp;Not for this site</source>
        <translation>Pas pour &amp;ce site</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="129"/>
        <source>Don&apos;t ask again for {domain}; binding an account to it later still works.</source>
        <translation>Ne plus demander pour {domain}&#xa0;; lier un compte à ce site plus tard reste possible.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="135"/>
        <source>&amp;Fill code</source>
        <translation>&amp;Remplir le code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="135"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ClockCheck</name>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="110"/>
        <source>&amp;Check the clock</source>
        <translation>&amp;Vérifier l’horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="111"/>
        <source>No thanks</source>
        <translation>Non merci</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="113"/>
        <source>&amp;Use corrected time for codes</source>
        <translation>&amp;Utiliser l’heure corrigée pour les codes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="115"/>
        <source>How to &amp;fix the clock</source>
        <translation>Comment &amp;corriger l’horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="117"/>
        <source>Clock check result</source>
        <translation>Résultat de la vérification de l’horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="118"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="120"/>
        <source>Clock correction</source>
        <translation>Correction de l’horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="121"/>
        <source>Turn off</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="122"/>
        <source>This computer&apos;s clock is wrong, so codes are computed with a corrected time.</source>
        <translation>L’horloge de cet ordinateur est fausse&#xa0;: les codes sont donc calculés avec une heure corrigée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="129"/>
        <location filename="../../authenticator/ui/clock/check.py" line="141"/>
        <source>Compare clock with my &amp;phone…</source>
        <translation>&amp;Comparer l’horloge avec mon téléphone…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="155"/>
        <source>Check this computer&apos;s clock over the internet? Uses NTP, sends no personal data.</source>
        <translation>Vérifier l’horloge de cet ordinateur par Internet&#xa0;? Utilise NTP, n’envoie aucune donnée personnelle.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="165"/>
        <source>Checking the clock…</source>
        <translation>Vérification de l’horloge…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="244"/>
        <source>No network: codes use this computer&apos;s clock.</source>
        <translation>Pas de réseau : les codes utilisent l’horloge de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="250"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="252"/>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifiée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="257"/>
        <source>Last check at {time}: could not reach any server (no network: codes use this computer&apos;s clock).</source>
        <translation>Dernière vérification à {time} : aucun serveur joignable (pas de réseau : les codes utilisent l’horloge de cet ordinateur).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="259"/>
        <source>Last checked at {time}: {state}</source>
        <translation>Dernière vérification à {time}&#xa0;: {state}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="65"/>
        <source>this computer&apos;s clock could not be compared with the correct time.</source>
        <translation>l’horloge de cet ordinateur n’a pas pu être comparée à l’heure exacte.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="69"/>
        <source>this computer&apos;s clock is right to within a second.</source>
        <translation>l’horloge de cet ordinateur est juste à une seconde près.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="73"/>
        <source>this computer&apos;s clock is {amount} slow.</source>
        <translation>l’horloge de cet ordinateur retarde de {amount}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="75"/>
        <source>this computer&apos;s clock is {amount} fast.</source>
        <translation>l’horloge de cet ordinateur avance de {amount}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="280"/>
        <source>This computer&apos;s clock is {amount} slow; sites may reject your codes.</source>
        <translation>L’horloge de cet ordinateur retarde de {amount}&#xa0;; les sites risquent de refuser vos codes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="282"/>
        <source>This computer&apos;s clock is {amount} fast; sites may reject your codes.</source>
        <translation>L’horloge de cet ordinateur avance de {amount}&#xa0;; les sites risquent de refuser vos codes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="288"/>
        <source>Your clock is {amount} off; codes typed near the end of their time may fail.</source>
        <translation>Votre horloge est décalée de {amount}&#xa0;; un code saisi juste avant son expiration risque d’être refusé.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="324"/>
        <source>This computer&apos;s clock is right again (within {n} s): corrected time is turned off.</source>
        <translation>L’horloge de cet ordinateur est de nouveau juste (à {n} s près) : l’heure corrigée est désactivée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="330"/>
        <source>Codes use corrected time ({offset}).</source>
        <translation>Les codes utilisent l’heure corrigée ({offset}).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="352"/>
        <source>Add a time-based account first: the comparison uses its codes.</source>
        <translation>Ajoutez d’abord un compte basé sur le temps&#xa0;: la comparaison utilise ses codes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/check.py" line="362"/>
        <source>Codes now use your phone&apos;s time.</source>
        <translation>Les codes utilisent désormais l’heure de votre téléphone.</translation>
    </message>
</context>
<context>
    <name>ClockNote</name>
    <message>
        <location filename="../../authenticator/ui/enroll/clock_note.py" line="36"/>
        <source>Clock warning</source>
        <translation>Avertissement sur l’horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/clock_note.py" line="38"/>
        <source>&amp;Use corrected time</source>
        <translation>&amp;Utiliser l’heure corrigée</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/clock_note.py" line="39"/>
        <source>Use corrected time</source>
        <translation>Utiliser l’heure corrigée</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/clock_note.py" line="50"/>
        <source>This computer&apos;s clock is {amount} slow, so the site may reject this code.</source>
        <translation>L’horloge de cet ordinateur retarde de {amount} : le site risque de refuser ce code.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/clock_note.py" line="52"/>
        <source>This computer&apos;s clock is {amount} fast, so the site may reject this code.</source>
        <translation>L’horloge de cet ordinateur avance de {amount} : le site risque de refuser ce code.</translation>
    </message>
</context>
<context>
    <name>ClockSettingsBox</name>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="42"/>
        <source>Clock</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="46"/>
        <source>Check this computer&apos;s clock over the &amp;internet (NTP, sends no personal data)</source>
        <translation>Vérifier l’horloge de cet ordinateur par &amp;Internet (NTP, aucune donnée personnelle envoyée)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="52"/>
        <source>Time servers separated by commas; empty uses public NTP servers.</source>
        <translation>Serveurs de temps séparés par des virgules&#xa0;; vide = serveurs NTP publics.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="54"/>
        <source>Time servers</source>
        <translation>Serveurs de temps</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="55"/>
        <source>Time se&amp;rvers:</source>
        <translation>Se&amp;rveurs de temps&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="56"/>
        <source>Codes use &amp;corrected time</source>
        <translation>Les codes utilisent l’heure &amp;corrigée</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="62"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="64"/>
        <source>Seconds to add to this computer&apos;s clock</source>
        <translation>Secondes à ajouter à l’horloge de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="65"/>
        <source>For computers without internet: positive when this clock is slow. Updated by each time check.</source>
        <translation>Pour les ordinateurs sans Internet&#xa0;: positive quand cette horloge retarde. Mise à jour à chaque vérification.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="67"/>
        <source>Co&amp;rrection:</source>
        <translation>Correctio&amp;n&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="77"/>
        <source>Clock check status</source>
        <translation>État de la vérification de l’horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="78"/>
        <source>Check &amp;now</source>
        <translation>Vérifier &amp;maintenant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/settings_section.py" line="79"/>
        <source>Check the clock now</source>
        <translation>Vérifier l’horloge maintenant</translation>
    </message>
</context>
<context>
    <name>CodeList</name>
    <message>
        <location filename="../../authenticator/ui/codes/listing.py" line="46"/>
        <source>S&amp;ort by</source>
        <translation>&amp;Trier par</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/listing.py" line="50"/>
        <source>&amp;Manual order</source>
        <translation>Ordre &amp;manuel</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/listing.py" line="50"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/listing.py" line="51"/>
        <source>&amp;Issuer</source>
        <translation>&amp;Émetteur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/listing.py" line="51"/>
        <source>&amp;Recently used</source>
        <translation>Utilisés &amp;récemment</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/listing.py" line="58"/>
        <source>Filter by &amp;tag</source>
        <translation>Filtrer par &amp;étiquette</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/listing.py" line="132"/>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
</context>
<context>
    <name>CodesPage</name>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="49"/>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="51"/>
        <source>Search accounts</source>
        <translation>Rechercher dans les comptes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="55"/>
        <source>Add an account (Ctrl+N)</source>
        <translation>Ajouter un compte (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="56"/>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="60"/>
        <source>Lock (Ctrl+L)</source>
        <translation>Verrouiller (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="61"/>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="66"/>
        <location filename="../../authenticator/ui/codes/view.py" line="67"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="93"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="96"/>
        <source>No accounts yet</source>
        <translation>Aucun compte pour l’instant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="97"/>
        <source>When a site shows you a QR code or a key to turn on two-factor authentication, add it here. You can also import accounts from another authenticator app.</source>
        <translation>Quand un site vous montre un code QR ou une clé pour activer l’authentification à deux facteurs, ajoutez-le ici. Vous pouvez aussi importer des comptes depuis une autre application d’authentification.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="100"/>
        <source>&amp;Add your first account</source>
        <translation>&amp;Ajouter votre premier compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="101"/>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/view.py" line="102"/>
        <source>No account matches your search.</source>
        <translation>Aucun compte ne correspond à votre recherche.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="108"/>
        <source>Compare clock with my phone</source>
        <translation>Comparer l’horloge avec mon téléphone</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="122"/>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="126"/>
        <source>Account on both devices</source>
        <translation>Compte présent sur les deux appareils</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="131"/>
        <source>&amp;Account:</source>
        <translation>C&amp;ompte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="133"/>
        <source>Code shown on the other device</source>
        <translation>Code affiché sur l’autre appareil</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="134"/>
        <source>&amp;Code:</source>
        <translation>&amp;Code&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="136"/>
        <source>It &amp;changed</source>
        <translation>Il a &amp;changé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="137"/>
        <source>It changed</source>
        <translation>Il a changé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="143"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="148"/>
        <source>Co&amp;mpare</source>
        <translation>Co&amp;mparer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="149"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="150"/>
        <source>&amp;Use this correction</source>
        <translation>&amp;Utiliser cette correction</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="151"/>
        <source>Use this correction</source>
        <translation>Utiliser cette correction</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="154"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="195"/>
        <source>Code shown on the phone now</source>
        <translation>Code affiché maintenant sur le téléphone</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="197"/>
        <source>Open the authenticator app on your phone (or another device), choose an account that is on both, and type the code it shows now, then press Enter. Nothing is sent anywhere.</source>
        <translation>Ouvrez l’application d’authentification sur votre téléphone (ou un autre appareil), choisissez un compte présent sur les deux, tapez le code qu’elle affiche maintenant puis appuyez sur Entrée. Rien n’est envoyé nulle part.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="206"/>
        <source>New code on the phone</source>
        <translation>Nouveau code du téléphone</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="210"/>
        <source>Found. Now watch the code on your phone: the moment it changes, press “It changed” (or start typing the new code right then). Then type the new code and press Enter.</source>
        <translation>Trouvé. Regardez maintenant le code sur votre téléphone : à l’instant où il change, appuyez sur « Il a changé » (ou commencez à taper le nouveau code à ce moment-là). Tapez ensuite le nouveau code et appuyez sur Entrée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="213"/>
        <source>Waiting for the code on your phone to change…</source>
        <translation>En attente du changement de code sur votre téléphone…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="221"/>
        <source>Got it. Now type the new code and press Enter.</source>
        <translation>C’est noté. Tapez maintenant le nouveau code et appuyez sur Entrée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="263"/>
        <source>Press “It changed” at the moment the code on your phone changes, then type the new code.</source>
        <translation>Appuyez sur « Il a changé » à l’instant où le code de votre téléphone change, puis tapez le nouveau code.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="268"/>
        <source>Result of the comparison:</source>
        <translation>Résultat de la comparaison :</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="277"/>
        <source>That code fits {n} different times. Wait for the next code on your phone and type it too.</source>
        <translation>Ce code correspond à {n} moments différents. Attendez le code suivant sur votre téléphone et saisissez-le aussi.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="279"/>
        <source>That code doesn&apos;t match this account at any time within ±{reach}. Check you chose the same account on both devices.</source>
        <translation>Ce code ne correspond à ce compte à aucun moment dans un intervalle de ±{reach}. Vérifiez que vous avez choisi le même compte sur les deux appareils.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="285"/>
        <source>This computer&apos;s clock and your phone agree to within {n} s.</source>
        <translation>L’horloge de cet ordinateur et votre téléphone concordent à {n} s près.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="288"/>
        <source>This computer&apos;s clock is about {amount} ahead of your phone.</source>
        <translation>L’horloge de cet ordinateur avance d’environ {amount} sur votre téléphone.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="291"/>
        <source>This computer&apos;s clock is about {amount} behind your phone.</source>
        <translation>L’horloge de cet ordinateur retarde d’environ {amount} sur votre téléphone.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="298"/>
        <source>The internet time check agrees with this computer, so your phone&apos;s clock is likely the wrong one.</source>
        <translation>La vérification par Internet concorde avec cet ordinateur : c’est probablement l’horloge de votre téléphone qui est fausse.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="301"/>
        <source>The internet time check agrees with your phone, so this computer&apos;s clock is likely the wrong one.</source>
        <translation>La vérification par Internet concorde avec votre téléphone : c’est probablement l’horloge de cet ordinateur qui est fausse.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="305"/>
        <source>The internet time check agrees with neither: it puts this computer&apos;s clock {amount} slow.</source>
        <translation>La vérification par Internet ne concorde avec aucun des deux : selon elle, l’horloge de cet ordinateur retarde de {amount}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="307"/>
        <source>The internet time check agrees with neither: it puts this computer&apos;s clock {amount} fast.</source>
        <translation>La vérification par Internet ne concorde avec aucun des deux : selon elle, l’horloge de cet ordinateur avance de {amount}.</translation>
    </message>
</context>
<context>
    <name>ConfirmFillDialog</name>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="156"/>
        <source>Fill the code?</source>
        <translation>Remplir le code&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="158"/>
        <source>{site} wants the code of &lt;b&gt;{account}&lt;/b&gt;.</source>
        <translation>{site} demande le code de &lt;b&gt;{account}&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="162"/>
        <source>&amp;Fill code</source>
        <translation>&amp;Remplir le code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="162"/>
        <source>&amp;Don&apos;t fill</source>
        <translation>&amp;Ne pas remplir</translation>
    </message>
</context>
<context>
    <name>ConfirmationPage</name>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="44"/>
        <source>Added account</source>
        <translation>Compte ajouté</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="51"/>
        <source>Current code</source>
        <translation>Code actuel</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="54"/>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="55"/>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="89"/>
        <source>&amp;Copy code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="56"/>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="64"/>
        <source>Type this code on the site to finish turning on two-factor authentication. The same key on another device shows the same code.</source>
        <translation>Saisissez ce code sur le site pour terminer l’activation de l’authentification à deux facteurs. La même clé sur un autre appareil affiche le même code.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="85"/>
        <source>This key is short ({bits} bits). It works, but if the site lets you choose, a longer key is safer.</source>
        <translation>Cette clé est courte ({bits} bits). Elle fonctionne, mais si le site vous laisse le choix, une clé plus longue est plus sûre.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="87"/>
        <source>Also added: {labels}.</source>
        <translation>Également ajoutés&#xa0;: {labels}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="98"/>
        <source>Counter-based code: it changes when you ask for the next one.</source>
        <translation>Code basé sur un compteur&#xa0;: il change quand vous demandez le suivant.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="102"/>
        <source>Changes in {n} s</source>
        <translation>Change dans {n} s</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/confirm.py" line="124"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>CopyGestureSection</name>
    <message>
        <location filename="../../authenticator/ui/codes/gestures.py" line="75"/>
        <source>Code list</source>
        <translation>Liste des codes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/gestures.py" line="79"/>
        <source>A single click (a click also selects)</source>
        <translation>Un simple clic (un clic sélectionne aussi)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/gestures.py" line="80"/>
        <source>A double click (a single click only selects)</source>
        <translation>Un double-clic (un simple clic ne fait que sélectionner)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/gestures.py" line="83"/>
        <source>Copy a code with</source>
        <translation>Copier un code par</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/gestures.py" line="84"/>
        <source>Cop&amp;y a code with:</source>
        <translation>Copier un code (clic ou dou&amp;ble-clic) :</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <location filename="../../authenticator/ui/common/durations.py" line="17"/>
        <source>an unknown time</source>
        <translation>une durée inconnue</translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/common/durations.py" line="19"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/durations.py" line="20"/>
        <source>{days} {hours} h</source>
        <translation>{days} {hours} h</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/durations.py" line="23"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/durations.py" line="24"/>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/durations.py" line="26"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/durations.py" line="27"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/durations.py" line="29"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="249"/>
        <source>Edit {label}</source>
        <translation>Modifier {label}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="253"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="255"/>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="257"/>
        <source>Comma-separated, e.g. work, personal</source>
        <translation>Séparées par des virgules, par ex. travail, perso</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="258"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="260"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="263"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Émetteur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="264"/>
        <source>&amp;Account:</source>
        <translation>C&amp;ompte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="266"/>
        <source>e.g. portal.example.com</source>
        <translation>p. ex. portail.exemple.fr</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="267"/>
        <source>Websites</source>
        <translation>Sites web</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="268"/>
        <source>The browser extension fills this account&apos;s codes only on these sites (and their subdomains).</source>
        <translation>L’extension de navigateur ne remplit les codes de ce compte que sur ces sites (et leurs sous-domaines).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="271"/>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="272"/>
        <source>&amp;Websites:</source>
        <translation>&amp;Sites web&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="274"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="315"/>
        <source>{site}: {problem}</source>
        <translation>{site}&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../authenticator/ui/enroll/dialog.py" line="80"/>
        <source>Add account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/dialog.py" line="106"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/scanning.py" line="84"/>
        <source>Looking for a QR code…</source>
        <translation>Recherche d’un code QR…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/dialog.py" line="274"/>
        <source>Nothing new was added: the key is already in your list.</source>
        <translation>Rien de nouveau n’a été ajouté&#xa0;: la clé est déjà dans votre liste.</translation>
    </message>
</context>
<context>
    <name>EnrollHooks</name>
    <message>
        <location filename="../../authenticator/ui/enroll/hooks.py" line="61"/>
        <source>&amp;Paste QR code or link</source>
        <translation>&amp;Coller un code QR ou un lien</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/hooks.py" line="77"/>
        <source>The clipboard holds no QR code image and no otpauth:// link to add.</source>
        <translation>Le presse-papiers ne contient ni image de code QR ni lien otpauth:// à ajouter.</translation>
    </message>
</context>
<context>
    <name>EnrollLayout</name>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="46"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="71"/>
        <source>Add &amp;another</source>
        <translation>Ajouter un aut&amp;re</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="72"/>
        <source>Add another account</source>
        <translation>Ajouter un autre compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="73"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="74"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="76"/>
        <location filename="../../authenticator/ui/enroll/layout.py" line="115"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="77"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="90"/>
        <source>Scanner note</source>
        <translation>Remarque sur le scanner</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="94"/>
        <source>Note: the optional ZBar decoder is not installed (Debian/Ubuntu: sudo apt-get install libzbar0). Scanning still works with the other decoders.</source>
        <translation>Remarque&#xa0;: le décodeur facultatif ZBar n’est pas installé (Debian/Ubuntu&#xa0;: sudo apt-get install libzbar0). Le scan fonctionne quand même avec les autres décodeurs.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/layout.py" line="115"/>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
</context>
<context>
    <name>ErrorLabel</name>
    <message>
        <location filename="../../authenticator/ui/common/widgets.py" line="102"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="45"/>
        <source>wrong password, or the vault file was modified</source>
        <translation>mot de passe incorrect, ou le fichier du coffre a été modifié</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="56"/>
        <source>the vault is closed</source>
        <translation>le coffre est fermé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="76"/>
        <source>could not save the vault {name}: {reason}; the file on disk is unchanged and your changes are kept in memory</source>
        <translation>impossible d’enregistrer le coffre {name}&#xa0;: {reason}&#xa0;; le fichier sur le disque n’a pas changé et vos modifications sont gardées en mémoire</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="72"/>
        <source>this account is already in the vault</source>
        <translation>ce compte est déjà dans le coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="106"/>
        <source>no QR code found in this image</source>
        <translation>aucun code QR trouvé dans cette image</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="108"/>
        <source>this QR code contains a web address, not an authenticator key</source>
        <translation>ce code QR contient une adresse web, pas une clé d’authentification</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="110"/>
        <source>this QR code contains text, not an authenticator key</source>
        <translation>ce code QR contient du texte, pas une clé d’authentification</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="127"/>
        <source>the file is not an image that can be read (corrupt or unsupported format)</source>
        <translation>le fichier n’est pas une image lisible (fichier corrompu ou format non pris en charge)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="133"/>
        <source>the image is too small to hold a QR code</source>
        <translation>l’image est trop petite pour contenir un code QR</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="166"/>
        <source>could not reach any time server ({details})</source>
        <translation>aucun serveur de temps n’a pu être joint ({details})</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="158"/>
        <source>the camera stopped sending pictures: check that it is still plugged in, then choose it again</source>
        <translation>la caméra n’envoie plus d’images&#xa0;: vérifiez qu’elle est toujours branchée, puis choisissez-la de nouveau</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="161"/>
        <source>no QR code reader could be loaded on this computer; type the key instead</source>
        <translation>aucun lecteur de code QR n’a pu être chargé sur cet ordinateur&#xa0;; saisissez plutôt la clé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="32"/>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="33"/>
        <source>the disk quota is exceeded</source>
        <translation>le quota du disque est dépassé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="34"/>
        <source>the folder is on a read-only file system</source>
        <translation>le dossier est sur un système de fichiers en lecture seule</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="35"/>
        <source>permission was denied</source>
        <translation>l’autorisation a été refusée</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="36"/>
        <source>the folder no longer exists</source>
        <translation>le dossier n’existe plus</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="37"/>
        <source>the disk reported an input/output error</source>
        <translation>le disque a signalé une erreur d’entrée/sortie</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="47"/>
        <source>the vault file is damaged: the password is right, but its content fails the integrity check</source>
        <translation>le fichier du coffre est endommagé&#xa0;: le mot de passe est juste, mais son contenu échoue au contrôle d’intégrité</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="50"/>
        <source>the vault was saved by a newer version of Authenticator (format {version}); update the app to open it</source>
        <translation>le coffre a été enregistré par une version plus récente d’Authenticator (format {version})&#xa0;; mettez l’application à jour pour l’ouvrir</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="53"/>
        <source>the vault content was saved by a newer version of Authenticator (content version {version}); update the app to open it</source>
        <translation>le contenu du coffre a été enregistré par une version plus récente d’Authenticator (version du contenu {version})&#xa0;; mettez l’application à jour pour l’ouvrir</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="57"/>
        <source>the vault is being saved by another program; try again in a moment</source>
        <translation>le coffre est en cours d’enregistrement par un autre programme&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="59"/>
        <source>the vault is being saved by another program (process {pid}); try again in a moment</source>
        <translation>le coffre est en cours d’enregistrement par un autre programme (processus {pid})&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="62"/>
        <source>there is no vault file at {path}</source>
        <translation>il n’y a pas de fichier de coffre à l’emplacement {path}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="64"/>
        <source>there is no export file at {path}</source>
        <translation>il n’y a pas de fichier d’export à l’emplacement {path}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="66"/>
        <source>cannot read the vault file {path}: {reason}</source>
        <translation>impossible de lire le fichier du coffre {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="68"/>
        <source>cannot read the export file {path}: {reason}</source>
        <translation>impossible de lire le fichier d’export {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="70"/>
        <source>a file already exists at {path}</source>
        <translation>un fichier existe déjà à l’emplacement {path}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="74"/>
        <source>this vault was opened read-only and cannot be changed</source>
        <translation>ce coffre a été ouvert en lecture seule et ne peut pas être modifié</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="79"/>
        <source>could not create the vault {path}: {reason}</source>
        <translation>impossible de créer le coffre {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="81"/>
        <source>could not write the backup {name}: {reason}</source>
        <translation>impossible d’écrire la sauvegarde {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="83"/>
        <source>could not save the vault {name}: the file was moved or deleted since it was opened; your changes are kept in memory</source>
        <translation>impossible d’enregistrer le coffre {name}&#xa0;: le fichier a été déplacé ou supprimé depuis son ouverture&#xa0;; vos modifications sont gardées en mémoire</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="86"/>
        <source>{cause}; your changes are kept in memory</source>
        <translation>{cause}&#xa0;; vos modifications sont gardées en mémoire</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="88"/>
        <source>the vault file {name} was replaced by one this window cannot read (another vault, or a damaged file); reopen it, your changes are kept in memory</source>
        <translation>le fichier du coffre {name} a été remplacé par un fichier que cette fenêtre ne peut pas lire (un autre coffre, ou un fichier endommagé)&#xa0;; rouvrez-le, vos modifications sont gardées en mémoire</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="91"/>
        <source>the vault file {name} was saved by a newer version of Authenticator elsewhere; update this app and reopen it, your changes are kept in memory</source>
        <translation>le fichier du coffre {name} a été enregistré ailleurs par une version plus récente d’Authenticator&#xa0;; mettez cette application à jour et rouvrez-le, vos modifications sont gardées en mémoire</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="94"/>
        <source>the vault {name} cannot be read with this window&apos;s key: its password was probably changed elsewhere; lock it and unlock with the current password</source>
        <translation>le coffre {name} ne peut pas être lu avec la clé de cette fenêtre&#xa0;: son mot de passe a sans doute été changé ailleurs&#xa0;; verrouillez-le et déverrouillez-le avec le mot de passe actuel</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="97"/>
        <source>the vault {name} cannot be read with this window&apos;s key: its password was probably changed elsewhere; lock it and unlock with the current password; your changes are kept in memory</source>
        <translation>le coffre {name} ne peut pas être lu avec la clé de cette fenêtre&#xa0;: son mot de passe a sans doute été changé ailleurs&#xa0;; verrouillez-le et déverrouillez-le avec le mot de passe actuel&#xa0;; vos modifications sont gardées en mémoire</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="101"/>
        <source>the vault {name} cannot be read with this window&apos;s key: its password was probably changed elsewhere; lock it and unlock with the current password: your changes are kept in {rescue} and merged then</source>
        <translation>le coffre {name} ne peut pas être lu avec la clé de cette fenêtre&#xa0;: son mot de passe a sans doute été changé ailleurs&#xa0;; verrouillez-le et déverrouillez-le avec le mot de passe actuel&#xa0;: vos modifications sont gardées dans {rescue} et fusionnées à ce moment-là</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="112"/>
        <source>this QR code holds an otpauth link that could not be read: {detail}</source>
        <translation>ce code QR contient un lien otpauth illisible&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="114"/>
        <source>this QR code holds a Google Authenticator export that could not be read: {detail}</source>
        <translation>ce code QR contient un export Google Authenticator illisible&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="117"/>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="118"/>
        <source>there is no such file</source>
        <translation>ce fichier n’existe pas</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="119"/>
        <source>this is a folder, not an image file</source>
        <translation>c’est un dossier, pas un fichier image</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="121"/>
        <source>the file cannot be opened: permission denied</source>
        <translation>impossible d’ouvrir le fichier&#xa0;: accès refusé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="123"/>
        <source>the file cannot be read: {detail}</source>
        <translation>impossible de lire le fichier&#xa0;: {detail}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="125"/>
        <source>the file is too large to be a screenshot or photo</source>
        <translation>le fichier est trop gros pour être une capture d’écran ou une photo</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="129"/>
        <source>the image is too large to scan; crop it around the QR code and try again</source>
        <translation>l’image est trop grande pour être analysée&#xa0;; recadrez-la autour du code QR et réessayez</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="131"/>
        <source>the image has an unsupported pixel format</source>
        <translation>l’image a un format de pixels non pris en charge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="135"/>
        <source>the screenshot service did not write a picture file</source>
        <translation>le service de capture d’écran n’a écrit aucun fichier image</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="138"/>
        <source>no camera found at number {index}: check that a camera is plugged in and not switched off, then try again</source>
        <translation>aucune caméra n’a le numéro {index}&#xa0;: vérifiez qu’une caméra est branchée et allumée, puis réessayez</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="141"/>
        <source>permission denied for camera {index}: add your user to the &apos;video&apos; group (sudo usermod -aG video $USER), then log out and back in</source>
        <translation>accès refusé à la caméra {index}&#xa0;: ajoutez votre utilisateur au groupe «&#xa0;video&#xa0;» (sudo usermod -aG video $USER), puis fermez la session et reconnectez-vous</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="144"/>
        <source>there is no camera number {index}; cameras count from 0</source>
        <translation>il n’y a pas de caméra numéro {index}&#xa0;; les caméras sont numérotées à partir de 0</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="146"/>
        <source>camera {index} opened but sends no picture: it is probably busy; close other programs using it (video calls, browsers) and try again</source>
        <translation>la caméra {index} s’ouvre mais n’envoie aucune image&#xa0;: elle est sans doute occupée&#xa0;; fermez les autres programmes qui l’utilisent (appels vidéo, navigateurs) et réessayez</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="149"/>
        <source>camera {index} cannot be opened: allow camera access in System Settings &gt; Privacy &amp; Security &gt; Camera, then try again</source>
        <translation>impossible d’ouvrir la caméra {index}&#xa0;: autorisez l’accès dans Réglages Système &gt; Confidentialité et sécurité &gt; Caméra, puis réessayez</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="152"/>
        <source>camera {index} cannot be opened: check Settings &gt; Privacy &gt; Camera and close other programs that use it, then try again</source>
        <translation>impossible d’ouvrir la caméra {index}&#xa0;: vérifiez Paramètres &gt; Confidentialité &gt; Caméra et fermez les autres programmes qui l’utilisent, puis réessayez</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="155"/>
        <source>camera {index} cannot be opened: it may be busy in another program (video calls, browsers); close it and try again</source>
        <translation>impossible d’ouvrir la caméra {index}&#xa0;: elle est peut-être utilisée par un autre programme (appels vidéo, navigateurs)&#xa0;; fermez-le et réessayez</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="163"/>
        <source>the camera could not be started ({name})</source>
        <translation>la caméra n’a pas pu démarrer ({name})</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="169"/>
        <source>cannot create the folder {name}: {reason}</source>
        <translation>impossible de créer le dossier {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="171"/>
        <source>{name} already exists; choose an empty folder</source>
        <translation>{name} existe déjà&#xa0;; choisissez un dossier vide</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="173"/>
        <source>{name} already exists; choose another name</source>
        <translation>{name} existe déjà&#xa0;; choisissez un autre nom</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="175"/>
        <source>cannot write {name}: {reason}</source>
        <translation>impossible d’écrire {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="178"/>
        <source>the domain is empty</source>
        <translation>le domaine est vide</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="179"/>
        <source>the domain is not a valid international name</source>
        <translation>le domaine n’est pas un nom international valide</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="181"/>
        <source>the domain contains characters a host name cannot have</source>
        <translation>le domaine contient des caractères impossibles dans un nom d’hôte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="183"/>
        <source>{host} is a public suffix shared by many sites: give the site&apos;s own domain</source>
        <translation>{host} est un suffixe public partagé par de nombreux sites&#xa0;: indiquez le domaine propre du site</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="185"/>
        <source>the web address is missing or too long</source>
        <translation>l’adresse web est absente ou trop longue</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="187"/>
        <source>only http and https web addresses have sites</source>
        <translation>seules les adresses web http et https ont un site</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="189"/>
        <source>the web address has no host</source>
        <translation>l’adresse web n’a pas d’hôte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="191"/>
        <source>the web address is malformed</source>
        <translation>l’adresse web est mal formée</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/messages.py" line="194"/>
        <source>unexpected internal error ({name})</source>
        <translation>erreur interne inattendue ({name})</translation>
    </message>
</context>
<context>
    <name>ExportParts</name>
    <message>
        <location filename="../../authenticator/ui/enroll/review.py" line="97"/>
        <source>Read part {read} of {n} of a Google Authenticator export. Scan part {next} of {n} next.</source>
        <translation>Partie {read} sur {n} d’une exportation Google Authenticator lue. Scannez ensuite la partie {next} sur {n}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/review.py" line="101"/>
        <source>Still missing: parts {parts}.</source>
        <translation>Parties encore manquantes&#xa0;: {parts}.</translation>
    </message>
</context>
<context>
    <name>FixClockDialog</name>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="53"/>
        <source>How to fix the clock</source>
        <translation>Comment corriger l’horloge</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="56"/>
        <source>&lt;b&gt;Windows&lt;/b&gt;: Settings &amp;gt; Time &amp;amp; language &amp;gt; Date &amp;amp; time, turn on &lt;i&gt;Set time automatically&lt;/i&gt;, then click &lt;i&gt;Sync now&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Windows&lt;/b&gt;&#xa0;: Paramètres &amp;gt; Heure et langue &amp;gt; Date et heure, activez &lt;i&gt;Régler l’heure automatiquement&lt;/i&gt;, puis cliquez sur &lt;i&gt;Synchroniser maintenant&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="59"/>
        <source>&lt;b&gt;macOS&lt;/b&gt;: System Settings &amp;gt; General &amp;gt; Date &amp;amp; Time, turn on &lt;i&gt;Set time and date automatically&lt;/i&gt;.</source>
        <translation>&lt;b&gt;macOS&lt;/b&gt;&#xa0;: Réglages Système &amp;gt; Général &amp;gt; Date et heure, activez &lt;i&gt;Régler la date et l’heure automatiquement&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="61"/>
        <source>&lt;b&gt;Linux&lt;/b&gt;: run &lt;code&gt;timedatectl set-ntp true&lt;/code&gt; in a terminal (or turn on automatic time in your desktop&apos;s date and time settings).</source>
        <translation>&lt;b&gt;Linux&lt;/b&gt;&#xa0;: lancez &lt;code&gt;timedatectl set-ntp true&lt;/code&gt; dans un terminal (ou activez l’heure automatique dans les réglages de date et d’heure de votre bureau).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="67"/>
        <source>Codes depend on the time. Let your system set its clock automatically:</source>
        <translation>Les codes dépendent de l’heure. Laissez votre système régler son horloge automatiquement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/clock/dialogs.py" line="79"/>
        <source>Until then, “Use corrected time for codes” keeps your codes right.</source>
        <translation>En attendant, «&#xa0;Utiliser l’heure corrigée pour les codes&#xa0;» garde vos codes justes.</translation>
    </message>
</context>
<context>
    <name>GoogleExportDialog</name>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="179"/>
        <source>Export to Google Authenticator</source>
        <translation>Exporter vers Google Authenticator</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="188"/>
        <source>Choose the accounts to move. In Google Authenticator, open “Transfer accounts”, then “Import accounts”, and scan the codes shown next.</source>
        <translation>Choisissez les comptes à transférer. Dans Google Authenticator, ouvrez «&#xa0;Transférer des comptes&#xa0;», puis «&#xa0;Importer des comptes&#xa0;», et scannez les codes affichés ensuite.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="194"/>
        <source>Accounts to export</source>
        <translation>Comptes à exporter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="202"/>
        <source>{label} — {reason}</source>
        <translation>{label} — {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="225"/>
        <source>Export QR code</source>
        <translation>Code QR d’exportation</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="232"/>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="233"/>
        <source>Previous code</source>
        <translation>Code précédent</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="237"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="239"/>
        <source>Next code</source>
        <translation>Code suivant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="241"/>
        <source>&amp;Show QR codes</source>
        <translation>&amp;Afficher les codes QR</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="248"/>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="238"/>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/qr.py" line="211"/>
        <source>Google Authenticator cannot hold %n of these accounts (shown greyed with the reason); keep them here or use another app.</source>
        <translation>
            <numerusform>Google Authenticator ne peut pas accueillir %n de ces comptes (grisé, avec la raison)&#xa0;; gardez-le ici ou utilisez une autre application.</numerusform>
            <numerusform>Google Authenticator ne peut pas accueillir %n de ces comptes (grisés, avec la raison)&#xa0;; gardez-les ici ou utilisez une autre application.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="242"/>
        <source>Show QR codes</source>
        <translation>Afficher les codes QR</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="245"/>
        <location filename="../../authenticator/ui/transfer/qr.py" line="246"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="249"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="302"/>
        <source>{i} of {n}</source>
        <translation>{i} sur {n}</translation>
    </message>
</context>
<context>
    <name>IconPacks</name>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="176"/>
        <source>Import ico&amp;n pack…</source>
        <translation>Importer un pack d’icô&amp;nes…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="193"/>
        <source>Set &amp;icon from an image…</source>
        <translation>Choisir une &amp;icône (image)…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="196"/>
        <source>Remove the custom icon</source>
        <translation>Retirer l’icône personnelle</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="201"/>
        <source>Choose an icon</source>
        <translation>Choisir une icône</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="202"/>
        <source>Images (*.png *.jpg *.jpeg *.svg *.webp *.bmp *.gif);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg *.webp *.bmp *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="227"/>
        <source>Set icon</source>
        <translation>Choisir une icône</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="228"/>
        <source>This image cannot be used: {reason}</source>
        <translation>Cette image est inutilisable&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="233"/>
        <source>Import an Aegis icon pack</source>
        <translation>Importer un pack d’icônes Aegis</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="234"/>
        <source>Icon packs (*.zip);;All files (*)</source>
        <translation>Packs d’icônes (*.zip);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="243"/>
        <source>Icon pack “{name}” added (%n icon(s))</source>
        <translation>
            <numerusform>Pack d’icônes « {name} » ajouté (%n icône)</numerusform>
            <numerusform>Pack d’icônes « {name} » ajouté (%n icônes)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="249"/>
        <source>Import icon pack</source>
        <translation>Importer un pack d’icônes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/icon_packs.py" line="250"/>
        <source>This icon pack could not be used: {reason}</source>
        <translation>Ce pack d’icônes est inutilisable&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>ImagePage</name>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="132"/>
        <source>Open an image of the QR code</source>
        <translation>Ouvrir une image du code QR</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="133"/>
        <source>Choose a screenshot or photo of the QR code. You can also drop an image file onto this window.</source>
        <translation>Choisissez une capture d’écran ou une photo du code QR. Vous pouvez aussi déposer un fichier image sur cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="135"/>
        <source>&amp;Choose image…</source>
        <translation>&amp;Choisir une image…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="131"/>
        <source>Import {file}</source>
        <translation>Importer {file}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="134"/>
        <location filename="../../authenticator/ui/transfer/importing.py" line="205"/>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="141"/>
        <source>App that made the file</source>
        <translation>Application qui a créé le fichier</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="142"/>
        <source>Detected from the content</source>
        <translation>Détecté d’après le contenu</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="145"/>
        <source>Read &amp;as:</source>
        <translation>Lire &amp;comme :</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="156"/>
        <location filename="../../authenticator/ui/transfer/importing.py" line="157"/>
        <source>Password of the exported file</source>
        <translation>Mot de passe du fichier exporté</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="158"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="159"/>
        <source>Open with this password</source>
        <translation>Ouvrir avec ce mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="172"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="173"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="173"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="211"/>
        <source>Decrypting {file}…</source>
        <translation>Déchiffrement de {file}…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="219"/>
        <location filename="../../authenticator/ui/transfer/importing.py" line="242"/>
        <source>This file is encrypted. Enter the password it was exported with.</source>
        <translation>Ce fichier est chiffré. Saisissez le mot de passe utilisé lors de son exportation.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="229"/>
        <source>Found in this {format} file (nothing is added until you press Import):</source>
        <translation>Trouvé dans ce fichier {format} (rien n’est ajouté avant que vous appuyiez sur «&#xa0;Importer&#xa0;»)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="247"/>
        <source>Could not import {file}.</source>
        <translation>Impossible d’importer {file}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/importing.py" line="253"/>
        <source>&amp;Import %n account(s)</source>
        <translation>
            <numerusform>&amp;Importer %n compte</numerusform>
            <numerusform>&amp;Importer %n comptes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="67"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="67"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="67"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="68"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="69"/>
        <source>Accounts found</source>
        <translation>Comptes trouvés</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="74"/>
        <source>Entries that could not be read</source>
        <translation>Entrées illisibles</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="87"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="89"/>
        <source>Already here as {label}</source>
        <translation>Déjà présent sous le nom {label}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="96"/>
        <source>{new} new, {dup} already in this vault (unchecked), {bad} could not be read.</source>
        <translation>{new} nouveau(x), {dup} déjà dans ce coffre (décoché(s)), {bad} illisible(s).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/importing.py" line="102"/>
        <source>Could not be read:</source>
        <translation>Illisibles&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../authenticator/ui/enroll/intake.py" line="56"/>
        <source>Open an image of the QR code</source>
        <translation>Ouvrir une image du code QR</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/intake.py" line="57"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>Images ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/intake.py" line="64"/>
        <source>The clipboard holds no image and no link. Copy the QR code image or its otpauth:// link first.</source>
        <translation>Le presse-papiers ne contient ni image ni lien. Copiez d’abord l’image du code QR ou son lien otpauth://.</translation>
    </message>
</context>
<context>
    <name>KeyEdit</name>
    <message>
        <location filename="../../authenticator/ui/common/key_edit.py" line="46"/>
        <source>Change the key or code settings…</source>
        <translation>Modifier la clé ou les réglages du code…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/key_edit.py" line="52"/>
        <source>The key is secret: type the vault password to see and change it.</source>
        <translation>La clé est secrète&#xa0;: saisissez le mot de passe du coffre pour la voir et la modifier.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/key_edit.py" line="59"/>
        <source>Vault password</source>
        <translation>Mot de passe du coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/key_edit.py" line="60"/>
        <source>&amp;Show the key</source>
        <translation>&amp;Afficher la clé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/key_edit.py" line="99"/>
        <source>That is not the vault password.</source>
        <translation>Ce n’est pas le mot de passe du coffre.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="68"/>
        <source>Authenticator</source>
        <extracomment>``add_requested(incoming)``: answered by the enroll feature (ui/host.py). answered by the settings feature. the window became active or inactive (ui/host.py: ``is_active``).</extracomment>
        <translation>Authenticator</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="126"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Ajouter un compte…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="127"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="128"/>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="129"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="131"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="130"/>
        <source>Change pass&amp;word…</source>
        <translation>Changer le &amp;mot de passe…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="132"/>
        <source>A&amp;bout Authenticator</source>
        <translation>À pr&amp;opos d’Authenticator</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="154"/>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/window_pages.py" line="93"/>
        <source>Open a vault</source>
        <translation>Ouvrir un coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/window_pages.py" line="95"/>
        <source>Authenticator vaults (*.authvault);;All files (*)</source>
        <translation>Coffres Authenticator (*.authvault);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/duplicates.py" line="26"/>
        <source>Key already here</source>
        <translation>Clé déjà présente</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/duplicates.py" line="27"/>
        <source>This key is already in the vault as {label}.</source>
        <translation>Cette clé est déjà dans le coffre sous le nom {label}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/duplicates.py" line="30"/>
        <source>&amp;Skip</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/duplicates.py" line="32"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/duplicates.py" line="34"/>
        <source>&amp;Keep both</source>
        <translation>&amp;Garder les deux</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="257"/>
        <source>Could not save: {reason}. Your change is kept in memory and will be saved with the next one; auto-lock waits until it is saved.</source>
        <translation>Enregistrement impossible&#xa0;: {reason}. Votre modification est gardée en mémoire et sera enregistrée avec la suivante&#xa0;; le verrouillage automatique attend qu’elle le soit.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="266"/>
        <source>Your changes are saved.</source>
        <translation>Vos modifications sont enregistrées.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="279"/>
        <source>Changes not saved</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/main_window.py" line="280"/>
        <source>Your latest changes could not be saved ({reason}). If you lock now, they are lost.</source>
        <translation>Vos dernières modifications n’ont pas pu être enregistrées ({reason}). Si vous verrouillez maintenant, elles seront perdues.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/about.py" line="16"/>
        <source>About Authenticator</source>
        <translation>À propos d’Authenticator</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/about.py" line="17"/>
        <source>&lt;h3&gt;Authenticator {version}&lt;/h3&gt;&lt;p&gt;Two-factor codes from keys kept in an encrypted vault on this computer.&lt;/p&gt;&lt;p&gt;Vault: {path}&lt;/p&gt;&lt;p&gt;No network connection is made unless you turn on the clock check.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Authenticator {version}&lt;/h3&gt;&lt;p&gt;Des codes à deux facteurs à partir de clés gardées dans un coffre chiffré sur cet ordinateur.&lt;/p&gt;&lt;p&gt;Coffre&#xa0;: {path}&lt;/p&gt;&lt;p&gt;Aucune connexion réseau n’est faite tant que vous n’activez pas la vérification de l’horloge.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/password_dialog.py" line="141"/>
        <source>Password changed. Use the new one from now on.</source>
        <translation>Mot de passe changé. Utilisez désormais le nouveau.</translation>
    </message>
</context>
<context>
    <name>ManualEntryForm</name>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="67"/>
        <source>e.g. GitHub</source>
        <translation>par ex. GitHub</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="68"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="70"/>
        <source>e.g. alice@example.com</source>
        <translation>par ex. alice@example.com</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="71"/>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="74"/>
        <source>The secret key the site shows, e.g. JBSW Y3DP EHPK 3PXP</source>
        <translation>La clé secrète affichée par le site, par ex. JBSW Y3DP EHPK 3PXP</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="75"/>
        <source>Secret key</source>
        <translation>Clé secrète</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="77"/>
        <source>&amp;Issuer:</source>
        <translation>&amp;Émetteur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="78"/>
        <source>&amp;Account:</source>
        <translation>C&amp;ompte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="79"/>
        <source>&amp;Key:</source>
        <translation>&amp;Clé&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="84"/>
        <source>Advanced</source>
        <translation>Options avancées</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="88"/>
        <source>Show advanced settings</source>
        <translation>Afficher les options avancées</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="93"/>
        <source>Time-based (TOTP)</source>
        <translation>Basé sur le temps (TOTP)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="94"/>
        <source>Counter-based (HOTP)</source>
        <translation>Basé sur un compteur (HOTP)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="95"/>
        <source>Steam Guard</source>
        <translation>Steam Guard</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="96"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="100"/>
        <source>Algorithm</source>
        <translation>Algorithme</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="104"/>
        <source>Digits</source>
        <translation>Nombre de chiffres</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="108"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="109"/>
        <source>Period in seconds</source>
        <translation>Période en secondes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="112"/>
        <source>Counter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="113"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="114"/>
        <source>A&amp;lgorithm:</source>
        <translation>Al&amp;gorithme&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="115"/>
        <source>&amp;Digits:</source>
        <translation>&amp;Nombre de chiffres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="116"/>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="119"/>
        <source>&amp;Counter:</source>
        <translation>Co&amp;mpteur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="127"/>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="134"/>
        <source>Code preview</source>
        <translation>Aperçu du code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="136"/>
        <source>Current code, to check against the site:</source>
        <translation>Code actuel, à comparer avec celui du site&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="167"/>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="167"/>
        <source>I or L</source>
        <translation>I ou L</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="167"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="171"/>
        <source>{char} (perhaps {letter})</source>
        <translation>{char} (peut-être {letter})</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="175"/>
        <source>A key uses only the letters A-Z and the digits 2-7; this one also has {characters}.</source>
        <translation>Une clé n’utilise que les lettres A à Z et les chiffres 2 à 7&#xa0;; celle-ci contient aussi {characters}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="202"/>
        <source>Type or paste the key the site shows.</source>
        <translation>Saisissez ou collez la clé affichée par le site.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="208"/>
        <source>Give the issuer or the account a name.</source>
        <translation>Donnez un nom à l’émetteur ou au compte.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="210"/>
        <source>The issuer and the account name cannot contain control characters.</source>
        <translation>L’émetteur et le nom du compte ne peuvent pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="232"/>
        <source>This key is short ({bits} bits); it works, but 128 bits or more is safer.</source>
        <translation>Cette clé est courte ({bits} bits)&#xa0;; elle fonctionne, mais 128 bits ou plus, c’est plus sûr.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/account_form.py" line="234"/>
        <source>The key is valid.</source>
        <translation>La clé est valide.</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="90"/>
        <source>Allow this browser?</source>
        <translation>Autoriser ce navigateur&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="92"/>
        <source>A browser</source>
        <translation>Un navigateur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="94"/>
        <source>&lt;b&gt;{browser}&lt;/b&gt; asks to receive codes through the Authenticator extension.&lt;p&gt;Allow it only if you have just installed or reset the extension in this browser. It will only get codes for the websites bound to your accounts; you can revoke it in Settings.&lt;/p&gt;</source>
        <translation>&lt;b&gt;{browser}&lt;/b&gt; demande à recevoir des codes par l’extension Authenticator.&lt;p&gt;N’autorisez que si vous venez d’installer ou de réinitialiser l’extension dans ce navigateur. Il ne recevra que les codes des sites liés à vos comptes&#xa0;; vous pourrez le révoquer dans les Paramètres.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="98"/>
        <source>&amp;Allow</source>
        <translation>&amp;Autoriser</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="98"/>
        <source>&amp;Don&apos;t allow</source>
        <translation>&amp;Ne pas autoriser</translation>
    </message>
</context>
<context>
    <name>PasswordFileForm</name>
    <message>
        <location filename="../../authenticator/ui/common/password_file.py" line="43"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/password_file.py" line="50"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/password_file.py" line="54"/>
        <source>&amp;Again:</source>
        <translation>À &amp;nouveau :</translation>
    </message>
</context>
<context>
    <name>PasswordGate</name>
    <message>
        <location filename="../../authenticator/ui/transfer/common.py" line="65"/>
        <location filename="../../authenticator/ui/transfer/common.py" line="73"/>
        <location filename="../../authenticator/ui/transfer/common.py" line="74"/>
        <source>Vault password</source>
        <translation>Mot de passe du coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/common.py" line="68"/>
        <source>Enter the vault password to continue.</source>
        <translation>Saisissez le mot de passe du coffre pour continuer.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/common.py" line="81"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/common.py" line="82"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/common.py" line="84"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/common.py" line="114"/>
        <source>Wrong password. Try again.</source>
        <translation>Mot de passe incorrect. Réessayez.</translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <location filename="../../authenticator/ui/vault/strength.py" line="43"/>
        <source>Use a long passphrase, for example four unrelated words.</source>
        <translation>Utilisez une longue phrase de passe, par exemple quatre mots sans rapport entre eux.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/strength.py" line="46"/>
        <source>This password is one of the most common: anyone would guess it.</source>
        <translation>Ce mot de passe est l’un des plus courants&#xa0;: n’importe qui le devinerait.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/strength.py" line="50"/>
        <source>Weak: add more words or characters.</source>
        <translation>Faible&#xa0;: ajoutez des mots ou des caractères.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/strength.py" line="53"/>
        <source>Fair: a few more characters would make it much stronger.</source>
        <translation>Moyen&#xa0;: quelques caractères de plus le rendraient beaucoup plus solide.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/strength.py" line="56"/>
        <source>Good.</source>
        <translation>Bon.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/strength.py" line="57"/>
        <source>Strong.</source>
        <translation>Solide.</translation>
    </message>
</context>
<context>
    <name>PastePage</name>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="149"/>
        <source>Paste a link or an image</source>
        <translation>Coller un lien ou une image</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="150"/>
        <source>Copy the QR code image (right click, Copy image) or its otpauth:// link, then press Ctrl+V here. Google Authenticator export links work too.</source>
        <translation>Copiez l’image du code QR (clic droit, «&#xa0;Copier l’image&#xa0;») ou son lien otpauth://, puis appuyez sur Ctrl+V ici. Les liens d’exportation de Google Authenticator fonctionnent aussi.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="155"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="160"/>
        <source>&amp;Paste from clipboard</source>
        <translation>&amp;Coller depuis le presse-papiers</translation>
    </message>
</context>
<context>
    <name>PickModel</name>
    <message>
        <location filename="../../authenticator/ui/quickpick/rows.py" line="82"/>
        <source>, {n} s left</source>
        <translation>, {n} s restantes</translation>
    </message>
</context>
<context>
    <name>PrivacySection</name>
    <message>
        <location filename="../../authenticator/ui/codes/privacy.py" line="95"/>
        <source>Privacy (screen sharing)</source>
        <translation>Confidentialité (partage d’écran)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/privacy.py" line="98"/>
        <source>&amp;Hide codes until I point at a row or select it</source>
        <translation>Mas&amp;quer les codes jusqu’à ce que je pointe ou sélectionne une ligne</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/privacy.py" line="100"/>
        <source>Hide codes while the window is in the back&amp;ground</source>
        <translation>Cac&amp;her les codes quand une autre fenêtre est active</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/privacy.py" line="105"/>
        <source>&amp;Keep this window out of screenshots and screen sharing</source>
        <translation>E&amp;xclure cette fenêtre des captures et du partage d’écran</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/privacy.py" line="109"/>
        <source>The window then shows black in recordings, video calls and remote-support tools, so someone helping you remotely cannot see it either.</source>
        <translation>La fenêtre apparaît alors noire dans les enregistrements, les appels vidéo et les outils d’assistance à distance&#xa0;: une personne qui vous aide à distance ne la voit pas non plus.</translation>
    </message>
</context>
<context>
    <name>QuickPick</name>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="14"/>
        <source>another program already uses this shortcut</source>
        <translation>un autre programme utilise déjà ce raccourci</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="16"/>
        <source>cannot connect to the X server</source>
        <translation>impossible de se connecter au serveur X</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="18"/>
        <source>the X server did not answer</source>
        <translation>le serveur X n’a pas répondu</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="20"/>
        <source>the X server has no XTEST extension</source>
        <translation>le serveur X n’a pas l’extension XTEST</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="22"/>
        <source>global shortcuts are not available here</source>
        <translation>les raccourcis globaux ne sont pas disponibles ici</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="24"/>
        <source>typing into other windows is not available here</source>
        <translation>la saisie dans d’autres fenêtres n’est pas disponible ici</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="26"/>
        <source>the keyboard layout has no key for a character of the code</source>
        <translation>la disposition du clavier n’a pas de touche pour un caractère du code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/texts.py" line="30"/>
        <source>a library it needs is not installed</source>
        <translation>une bibliothèque nécessaire n’est pas installée</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/controller.py" line="81"/>
        <source>Quick pic&amp;k…</source>
        <translation>C&amp;hoix rapide…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/controller.py" line="218"/>
        <source>Show the quick pick box of Authenticator</source>
        <translation>Afficher la sélection rapide d’Authenticator</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/controller.py" line="272"/>
        <source>Typing is not available here: the code was copied instead.</source>
        <translation>La saisie n’est pas disponible ici&#xa0;: le code a été copié à la place.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/controller.py" line="275"/>
        <source>No window had the focus: the code was copied instead.</source>
        <translation>Aucune fenêtre n’avait le focus&#xa0;: le code a été copié à la place.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/controller.py" line="314"/>
        <source>Could not get back to your window: the code was copied instead.</source>
        <translation>Impossible de revenir à votre fenêtre&#xa0;: le code a été copié à la place.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/controller.py" line="321"/>
        <source>Could not type the code ({reason}): it was copied instead.</source>
        <translation>Impossible de saisir le code ({reason})&#xa0;: il a été copié à la place.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/controller.py" line="325"/>
        <source>Typed the code for {label}</source>
        <translation>Code de {label} saisi</translation>
    </message>
</context>
<context>
    <name>QuickPickBox</name>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="42"/>
        <source>Quick pick</source>
        <translation>Choix rapide</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="69"/>
        <source>Matching accounts</source>
        <translation>Comptes correspondants</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="125"/>
        <source>Enter copies the code · Esc closes</source>
        <translation>Entrée copie le code · Échap ferme</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="127"/>
        <source>Enter types the code into your window · Shift+Enter copies · Esc closes</source>
        <translation>Entrée saisit le code dans votre fenêtre · Maj+Entrée copie · Échap ferme</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="130"/>
        <source>Enter copies the code · Shift+Enter types it into your window · Esc closes</source>
        <translation>Entrée copie le code · Maj+Entrée le saisit dans votre fenêtre · Échap ferme</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="144"/>
        <source>Type a few letters of the account</source>
        <translation>Tapez quelques lettres du compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="145"/>
        <source>Search accounts</source>
        <translation>Rechercher dans les comptes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="146"/>
        <source>Pick a code</source>
        <translation>Choisissez un code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="151"/>
        <location filename="../../authenticator/ui/quickpick/box.py" line="152"/>
        <source>Vault password</source>
        <translation>Mot de passe du coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="153"/>
        <source>The vault is locked: enter its password first.</source>
        <translation>Le coffre est verrouillé&#xa0;: saisissez d’abord son mot de passe.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="157"/>
        <source>There is no vault yet: open Authenticator to create one and add your accounts.</source>
        <translation>Il n’y a pas encore de coffre&#xa0;: ouvrez Authenticator pour en créer un et ajouter vos comptes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="201"/>
        <source>No account matches.</source>
        <translation>Aucun compte ne correspond.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="202"/>
        <source>The vault has no accounts yet.</source>
        <translation>Le coffre ne contient encore aucun compte.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/box.py" line="242"/>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
</context>
<context>
    <name>QuickPickSettings</name>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="35"/>
        <source>Quick pick</source>
        <translation>Choix rapide</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="40"/>
        <source>Open it from any program with the shortc&amp;ut</source>
        <translation>L’ouvrir depuis n’importe quel &amp;programme avec le raccourci</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="46"/>
        <source>Quick pick shortcut</source>
        <translation>Raccourci du choix rapide</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="64"/>
        <source>&amp;Enter types the code into the window you were in (Shift+Enter copies)</source>
        <translation>Entrée saisit le code dans la &amp;fenêtre où vous étiez (Maj+Entrée copie)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="113"/>
        <source>Global shortcut: registered with the X server (key grab).</source>
        <translation>Raccourci global : enregistré auprès du serveur X (capture de touche).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="115"/>
        <source>Global shortcut: registered with Windows (hotkey).</source>
        <translation>Raccourci global : enregistré auprès de Windows (touche d’accès).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="117"/>
        <source>Global shortcut: registered through the desktop&apos;s GlobalShortcuts portal.</source>
        <translation>Raccourci global : enregistré par le portail GlobalShortcuts du bureau.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="120"/>
        <source>Global shortcut: asking the desktop&apos;s GlobalShortcuts portal…</source>
        <translation>Raccourci global : demande en cours au portail GlobalShortcuts du bureau…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="121"/>
        <source>Global shortcut: none registered by the app.</source>
        <translation>Raccourci global : aucun enregistré par l’application.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="134"/>
        <source>In any program: press {keys} (your desktop&apos;s settings can change it), type a few letters of the account, then Enter.</source>
        <translation>Dans n’importe quel programme : appuyez sur {keys} (modifiable dans les paramètres de votre bureau), tapez quelques lettres du compte, puis Entrée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="138"/>
        <source>Asking the desktop to register the shortcut…</source>
        <translation>Demande d’enregistrement du raccourci au bureau…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="144"/>
        <source>On Wayland an app cannot register a global shortcut itself: bind the command {command} to a key in your desktop&apos;s settings.&lt;br&gt;&lt;b&gt;GNOME&lt;/b&gt;: Settings → Keyboard → View and Customise Shortcuts → Custom Shortcuts → +, command {command}.&lt;br&gt;&lt;b&gt;KDE Plasma&lt;/b&gt;: System Settings → Keyboard → Shortcuts → Add New → Command or Script, command {command}.</source>
        <translation>Sous Wayland, une application ne peut pas enregistrer elle-même un raccourci global&#xa0;: associez la commande {command} à une touche dans les réglages de votre bureau.&lt;br&gt;&lt;b&gt;GNOME&lt;/b&gt;&#xa0;: Paramètres → Clavier → Afficher et personnaliser les raccourcis → Raccourcis personnalisés → +, commande {command}.&lt;br&gt;&lt;b&gt;KDE Plasma&lt;/b&gt;&#xa0;: Configuration du système → Clavier → Raccourcis → Ajouter nouveau → Commande ou script, commande {command}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="151"/>
        <source>The desktop did not register the shortcut.</source>
        <translation>Le bureau n’a pas enregistré le raccourci.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="153"/>
        <source>On macOS, run {command} from a launcher or a Shortcuts action bound to a key.</source>
        <translation>Sous macOS, lancez {command} depuis un lanceur ou une action Raccourcis associée à une touche.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="156"/>
        <source>This display has no global shortcuts: run {command} to open the box.</source>
        <translation>Cet affichage n’a pas de raccourcis globaux&#xa0;: lancez {command} pour ouvrir la boîte.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="140"/>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="159"/>
        <source>Off. The command {command} opens the box too.</source>
        <translation>Désactivé. La commande {command} ouvre aussi la boîte.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="129"/>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="162"/>
        <source>The shortcut could not be registered: {reason}. Choose another one.</source>
        <translation>Le raccourci n’a pas pu être enregistré&#xa0;: {reason}. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="165"/>
        <source>In any program: press the shortcut, type a few letters of the account, then Enter.</source>
        <translation>Dans n’importe quel programme&#xa0;: appuyez sur le raccourci, tapez quelques lettres du compte, puis Entrée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="174"/>
        <source>Typing the code for you is not available on Wayland: the desktop does not let one app type into another&apos;s windows. Codes are copied instead.</source>
        <translation>La saisie du code à votre place n’est pas disponible sous Wayland&#xa0;: le bureau ne permet pas à une application de taper dans les fenêtres d’une autre. Les codes sont copiés à la place.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="178"/>
        <source>Typing the code for you is not available on macOS: typing into other apps needs accessibility rights this app does not ask for. Codes are copied instead.</source>
        <translation>La saisie du code à votre place n’est pas disponible sous macOS&#xa0;: taper dans d’autres applications demande des droits d’accessibilité que cette application ne demande pas. Les codes sont copiés à la place.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/quickpick/settings_section.py" line="181"/>
        <source>Typing the code for you is not available on this display. Codes are copied instead.</source>
        <translation>La saisie du code à votre place n’est pas disponible sur cet affichage. Les codes sont copiés à la place.</translation>
    </message>
</context>
<context>
    <name>RecentFillsDialog</name>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="168"/>
        <source>Recent browser fills</source>
        <translation>Remplissages récents du navigateur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="171"/>
        <source>No code was requested by a browser since Authenticator started.</source>
        <translation>Aucun navigateur n’a demandé de code depuis le démarrage d’Authenticator.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="174"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="174"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="175"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/browser/dialogs.py" line="175"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>RegionOverlay</name>
    <message>
        <location filename="../../authenticator/ui/enroll/region.py" line="91"/>
        <location filename="../../authenticator/ui/enroll/region.py" line="92"/>
        <source>Select the QR code</source>
        <translation>Sélectionner le code QR</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/region.py" line="97"/>
        <source>No QR code was found automatically. Drag a box around the QR code, or press Esc to cancel.</source>
        <translation>Aucun code QR n’a été trouvé automatiquement. Tracez un cadre autour du code QR, ou appuyez sur Échap pour annuler.</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="73"/>
        <source>Restore from an automatic backup</source>
        <translation>Restaurer une sauvegarde automatique</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="77"/>
        <source>Pick a backup to put in place of the vault file. The damaged file is kept aside as {name}.damaged-DATE, never deleted.</source>
        <translation>Choisissez une sauvegarde à remettre à la place du fichier du coffre. Le fichier endommagé est mis de côté sous le nom {name}.damaged-DATE, jamais supprimé.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="80"/>
        <source>Pick a backup to put in place of the vault file. The current file is kept as a backup first, so this can be undone.</source>
        <translation>Choisissez une sauvegarde à remettre à la place du fichier du coffre. Le fichier actuel est d’abord gardé comme sauvegarde : l’opération peut être annulée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="85"/>
        <source>Automatic backups</source>
        <translation>Sauvegardes automatiques</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="93"/>
        <source>Automatic backups (newest first):</source>
        <translation>Sauvegardes automatiques (les plus récentes d’abord) :</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="98"/>
        <source>Password of the backups</source>
        <translation>Mot de passe des sauvegardes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="99"/>
        <source>Vault password at the time of the backup</source>
        <translation>Mot de passe du coffre à la date de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="101"/>
        <source>Show &amp;accounts</source>
        <translation>Afficher les &amp;comptes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="102"/>
        <source>Show accounts</source>
        <translation>Afficher les comptes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="110"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="112"/>
        <source>&amp;Replace the vault with this backup</source>
        <translation>&amp;Remplacer le coffre par cette sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="113"/>
        <source>Replace the vault with this backup</source>
        <translation>Remplacer le coffre par cette sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="134"/>
        <source>{when} — another password</source>
        <translation>{when} — autre mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="136"/>
        <source>{when} — damaged</source>
        <translation>{when} — endommagée</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="138"/>
        <source>{when} — 1 account</source>
        <translation>{when} — 1 compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="139"/>
        <source>{when} — {n} accounts</source>
        <translation>{when} — {n} comptes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="209"/>
        <source>The backup of {when} is the vault again.</source>
        <translation>La sauvegarde du {when} est de nouveau le coffre.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="211"/>
        <source>The backup of {when} is the vault again; the damaged file is kept as {name}.</source>
        <translation>La sauvegarde du {when} est de nouveau le coffre ; le fichier endommagé est gardé sous le nom {name}.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/restore_dialog.py" line="213"/>
        <source>The backup of {when} is the vault again; the previous file is kept as a backup.</source>
        <translation>La sauvegarde du {when} est de nouveau le coffre ; le fichier précédent est gardé comme sauvegarde.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="123"/>
        <source>Restore from a backup</source>
        <translation>Restaurer depuis une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="126"/>
        <source>Pick an automatic backup of this vault or open a backup file. Then either add the accounts that are missing (the others stay as they are), or replace the vault with the backup to undo changes (the current file is kept as a backup first).</source>
        <translation>Choisissez une sauvegarde automatique de ce coffre ou ouvrez un fichier de sauvegarde. Ensuite, ajoutez les comptes manquants (les autres restent tels quels), ou remplacez le coffre par la sauvegarde pour annuler des modifications (le fichier actuel est d’abord gardé comme sauvegarde).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="133"/>
        <source>Automatic backups</source>
        <translation>Sauvegardes automatiques</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="137"/>
        <source>{when} — {size} KB</source>
        <translation>{when} — {size} Ko</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="142"/>
        <source>No automatic backups yet</source>
        <translation>Aucune sauvegarde automatique pour l’instant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="146"/>
        <source>Automatic backups (newest first):</source>
        <translation>Sauvegardes automatiques (les plus récentes d’abord)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="149"/>
        <source>Open a backup &amp;file…</source>
        <translation>Ouvrir un &amp;fichier de sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="150"/>
        <source>Open a backup file</source>
        <translation>Ouvrir un fichier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="157"/>
        <location filename="../../authenticator/ui/transfer/backups.py" line="158"/>
        <source>Password of the backup</source>
        <translation>Mot de passe de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="159"/>
        <source>For an automatic backup: the vault password it had when it was saved.</source>
        <translation>Pour une sauvegarde automatique&#xa0;: le mot de passe qu’avait le coffre au moment de l’enregistrement.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="162"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="163"/>
        <source>Open the backup</source>
        <translation>Ouvrir la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="180"/>
        <location filename="../../authenticator/ui/transfer/backups.py" line="181"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="183"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="184"/>
        <source>Add the missing accounts</source>
        <translation>Ajouter les comptes manquants</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="186"/>
        <source>Re&amp;place the vault with this backup</source>
        <translation>Rem&amp;placer le coffre par cette sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="187"/>
        <source>Replace the vault with this backup</source>
        <translation>Remplacer le coffre par cette sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/backups.py" line="209"/>
        <source>Open a backup</source>
        <translation>Ouvrir une sauvegarde</translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/backups.py" line="220"/>
        <source>&amp;Restore %n missing</source>
        <translation>
            <numerusform>&amp;Restaurer %n manquant</numerusform>
            <numerusform>&amp;Restaurer les %n manquants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../authenticator/ui/enroll/review.py" line="26"/>
        <source>Choose the accounts to add</source>
        <translation>Choisissez les comptes à ajouter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/review.py" line="31"/>
        <source>Accounts found</source>
        <translation>Comptes trouvés</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/review.py" line="35"/>
        <source>Accounts that cannot be added</source>
        <translation>Comptes qui ne peuvent pas être ajoutés</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/review.py" line="43"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/enroll/review.py" line="46"/>
        <source>This Google Authenticator export holds %n account(s). Untick the ones you don&apos;t want.</source>
        <translation>
            <numerusform>Cette exportation Google Authenticator contient %n compte. Décochez ceux que vous ne voulez pas.</numerusform>
            <numerusform>Cette exportation Google Authenticator contient %n comptes. Décochez ceux que vous ne voulez pas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/enroll/review.py" line="49"/>
        <source>Found %n account(s). Untick the ones you don&apos;t want.</source>
        <translation>
            <numerusform>%n compte trouvé. Décochez ceux que vous ne voulez pas.</numerusform>
            <numerusform>%n comptes trouvés. Décochez ceux que vous ne voulez pas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/review.py" line="53"/>
        <source>Cannot be added: {reasons}</source>
        <translation>Ajout impossible&#xa0;: {reasons}</translation>
    </message>
</context>
<context>
    <name>RouteList</name>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="43"/>
        <source>Ways to add an account</source>
        <translation>Façons d’ajouter un compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="48"/>
        <source>Scan with camera</source>
        <translation>Scanner avec la caméra</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="49"/>
        <source>Scan screen</source>
        <translation>Scanner l’écran</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="50"/>
        <source>Open an image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="51"/>
        <source>Paste a link or image</source>
        <translation>Coller lien ou image</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="52"/>
        <source>Type a key</source>
        <translation>Saisir une clé</translation>
    </message>
</context>
<context>
    <name>RowCommands</name>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="36"/>
        <source>&amp;Copy code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="38"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="39"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="41"/>
        <source>&amp;Favourite</source>
        <translation>&amp;Favori</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="43"/>
        <source>Move &amp;up</source>
        <translation>Déplacer vers le &amp;haut</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="44"/>
        <source>Move do&amp;wn</source>
        <translation>Déplacer vers le &amp;bas</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="98"/>
        <source>New code for {label}</source>
        <translation>Nouveau code pour {label}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="123"/>
        <source>Delete account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="124"/>
        <source>Delete {label}? You will no longer get codes for it here; make sure two-factor authentication is turned off on the site or the key is on another device.</source>
        <translation>Supprimer {label}&#xa0;? Vous n’obtiendrez plus ses codes ici&#xa0;; assurez-vous que l’authentification à deux facteurs est désactivée sur le site ou que la clé se trouve sur un autre appareil.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="137"/>
        <source>Deleted {label}</source>
        <translation>{label} supprimé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="138"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="169"/>
        <source>Remove from &amp;favourites</source>
        <translation>Retirer des &amp;favoris</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/codes/rows.py" line="170"/>
        <source>Add to &amp;favourites</source>
        <translation>Ajouter aux &amp;favoris</translation>
    </message>
</context>
<context>
    <name>ScreenPage</name>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="106"/>
        <source>Scan a QR code on your screen</source>
        <translation>Scanner un code QR affiché à l’écran</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="107"/>
        <source>&amp;Scan screen</source>
        <translation>&amp;Scanner l’écran</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="113"/>
        <source>Open an image instead</source>
        <translation>Ouvrir plutôt une image</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/routes.py" line="115"/>
        <source>Paste instead</source>
        <translation>Coller plutôt</translation>
    </message>
</context>
<context>
    <name>ScreenRoute</name>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="115"/>
        <source>Open the page that shows the QR code, then press Scan screen. On this desktop the screen is read by the desktop&apos;s own screenshot service; it may first ask you to allow Authenticator to take a screenshot. The picture is deleted as soon as it has been read.</source>
        <translation>Ouvrez la page qui affiche le code QR, puis appuyez sur «&#xa0;Scanner l’écran&#xa0;». Sur ce bureau, l’écran est lu par le service de capture d’écran du bureau lui-même ; il peut d’abord vous demander d’autoriser Authenticator à faire une capture d’écran. L’image est supprimée dès qu’elle a été lue.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="119"/>
        <source>Open the page that shows the QR code, then press Scan screen. This window steps aside for a moment while the screen is read.</source>
        <translation>Ouvrez la page qui affiche le code QR, puis appuyez sur «&#xa0;Scanner l’écran&#xa0;». Cette fenêtre s’efface un instant pendant la lecture de l’écran.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="185"/>
        <source>macOS did not let the app read the screen: Authenticator needs the Screen Recording permission. Open System Settings, Privacy &amp; Security, Screen &amp; System Audio Recording, turn on Authenticator, then quit and reopen it. Or open a screenshot with Open an image.</source>
        <translation>macOS n’a pas laissé l’application lire l’écran : Authenticator a besoin de l’autorisation d’enregistrement de l’écran. Ouvrez Réglages Système, Confidentialité et sécurité, Enregistrement de l’écran et de l’audio système, activez Authenticator, puis quittez-le et rouvrez-le. Ou ouvrez une capture d’écran avec «&#xa0;Ouvrir une image&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="193"/>
        <source>This desktop did not let the app read the screen. Take a screenshot and open it with Open an image, or copy the QR code image and paste it here with Ctrl+V.</source>
        <translation>Ce bureau n’a pas laissé l’application lire l’écran. Faites une capture d’écran et ouvrez-la avec «&#xa0;Ouvrir une image&#xa0;», ou copiez l’image du code QR et collez-la ici avec Ctrl+V.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="199"/>
        <source>Asking the desktop for a picture of the screen…</source>
        <translation>Demande d’une image de l’écran au bureau…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="201"/>
        <source>Your desktop will ask whether Authenticator may take a screenshot: allow it to scan the QR code.</source>
        <translation>Votre bureau va demander si Authenticator peut faire une capture d’écran : autorisez-la pour scanner le code QR.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="212"/>
        <source>Your desktop&apos;s screenshot tool opens: take a picture of the whole screen (or of the QR code) and confirm it. The picture is deleted as soon as it has been read.</source>
        <translation>L’outil de capture d’écran de votre bureau s’ouvre : prenez une image de tout l’écran (ou du code QR) et confirmez-la. L’image est supprimée dès qu’elle a été lue.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="221"/>
        <source>Use the desktop&apos;s screenshot tool…</source>
        <translation>Utiliser l’outil de capture du bureau…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="222"/>
        <source>Use the desktop&apos;s screenshot tool</source>
        <translation>Utiliser l’outil de capture du bureau</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="241"/>
        <source>The screenshot was cancelled. Press Scan screen to try again, or use another way below.</source>
        <translation>La capture d’écran a été annulée. Appuyez sur «&#xa0;Scanner l’écran&#xa0;» pour réessayer, ou choisissez un autre moyen ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="246"/>
        <source>The desktop refused to share a picture of the screen. Allow screenshots for Authenticator in your desktop&apos;s privacy settings, or take a screenshot yourself and open it with Open an image.</source>
        <translation>Le bureau a refusé de partager une image de l’écran. Autorisez les captures d’écran pour Authenticator dans les réglages de confidentialité de votre bureau, ou faites vous-même une capture d’écran et ouvrez-la avec «&#xa0;Ouvrir une image&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="251"/>
        <source>The desktop&apos;s screenshot service did not answer. Try again, or take a screenshot yourself and open it with Open an image.</source>
        <translation>Le service de capture d’écran du bureau n’a pas répondu. Réessayez, ou faites vous-même une capture d’écran et ouvrez-la avec «&#xa0;Ouvrir une image&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="255"/>
        <source>This desktop did not let the app read the screen and offers no screenshot service (on Wayland: install xdg-desktop-portal and the backend of your desktop). Take a screenshot and open it with Open an image, or copy the QR code image and paste it here with Ctrl+V.</source>
        <translation>Ce bureau n’a pas laissé l’application lire l’écran et n’offre aucun service de capture d’écran (sous Wayland : installez xdg-desktop-portal et le module de votre bureau). Faites une capture d’écran et ouvrez-la avec «&#xa0;Ouvrir une image&#xa0;», ou copiez l’image du code QR et collez-la ici avec Ctrl+V.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/enroll/screen.py" line="283"/>
        <source>No QR code was found automatically. Drag a box around it on the screenshot.</source>
        <translation>Aucun code QR n’a été trouvé automatiquement. Tracez un cadre autour de lui sur la capture d’écran.</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <location filename="../../authenticator/ui/common/secret_field.py" line="27"/>
        <source>Hide the key</source>
        <translation>Masquer la clé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/secret_field.py" line="29"/>
        <source>Show the key</source>
        <translation>Afficher la clé</translation>
    </message>
</context>
<context>
    <name>SecureClipboard</name>
    <message>
        <location filename="../../authenticator/ui/common/clipboard.py" line="62"/>
        <source>Copied {label}, clears in {n} s</source>
        <translation>{label} copié, effacé dans {n} s</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/clipboard.py" line="64"/>
        <source>Copied {label}</source>
        <translation>{label} copié</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="46"/>
        <source>Settings</source>
        <extracomment>Builds a section for the dialog from the dialog and the draft it edits (ui/host.py).</extracomment>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="53"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="57"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="58"/>
        <location filename="../../authenticator/ui/settings/dialog.py" line="65"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="60"/>
        <source>Clear the clipboard after</source>
        <translation>Vider le presse-papiers après</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="61"/>
        <source>&amp;Clear copied codes after:</source>
        <translation>&amp;Effacer les codes copiés après&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="64"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="67"/>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après ce nombre de minutes d’inactivité</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="68"/>
        <source>&amp;Lock when idle for:</source>
        <translation>&amp;Verrouiller après une inactivité de&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="69"/>
        <source>Lock when the window is &amp;minimised</source>
        <translation>Verrouiller quand la fenêtre est réd&amp;uite</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="74"/>
        <source>Recent saves kept as backups</source>
        <translation>Enregistrements récents gardés en sauvegarde</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="78"/>
        <source>&amp;Backups of recent saves:</source>
        <translation>&amp;Sauvegardes des derniers enregistrements :</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="80"/>
        <source>The last saves (this number), plus the first backup of each of the last 7 days, 8 weeks and 12 months.</source>
        <translation>Les derniers enregistrements (ce nombre), plus la première sauvegarde de chacun des 7 derniers jours, des 8 dernières semaines et des 12 derniers mois.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="83"/>
        <source>Which backups are kept</source>
        <translation>Sauvegardes conservées</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="85"/>
        <source>&amp;Remember the vault on this computer (system keyring): no password at start-up</source>
        <translation>Mémoriser le coffre sur cet &amp;ordinateur (trousseau du système)&#xa0;: pas de mot de passe au démarrage</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="87"/>
        <source>Remember the vault on this computer</source>
        <translation>Mémoriser le coffre sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="89"/>
        <source>Anyone who can use your account on this computer could then open the vault. Locking still asks for the password.</source>
        <translation>Toute personne pouvant utiliser votre session sur cet ordinateur pourrait alors ouvrir le coffre. Le verrouillage demande toujours le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="96"/>
        <source>Appearance and tray</source>
        <translation>Apparence et zone de notification</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="99"/>
        <location filename="../../authenticator/ui/settings/dialog.py" line="112"/>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="100"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="101"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="103"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="104"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="105"/>
        <source>Closing the window keeps the app in the &amp;tray</source>
        <translation>Fermer la fenêtre &amp;garde l’application dans la zone de notification</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="107"/>
        <source>&amp;Start minimised in the tray</source>
        <translation>&amp;Démarrer réduite dans la zone de notification</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="116"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="117"/>
        <source>Applies the next time the app starts</source>
        <translation>S’applique au prochain démarrage de l’application</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="118"/>
        <source>Applies the next time the app starts.</source>
        <translation>S’applique au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="119"/>
        <source>L&amp;anguage (at next start):</source>
        <translation>L&amp;angue (au prochain démarrage)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="139"/>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="141"/>
        <source>Vault: {vault}
Backups: {backups}</source>
        <translation>Coffre&#xa0;: {vault}
Sauvegardes&#xa0;: {backups}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="145"/>
        <source>Where the vault and backups are</source>
        <translation>Emplacement du coffre et des sauvegardes</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="146"/>
        <source>Open &amp;folder</source>
        <translation>Ouvrir &amp;le dossier</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/settings/dialog.py" line="147"/>
        <source>Open the vault folder</source>
        <translation>Ouvrir le dossier du coffre</translation>
    </message>
</context>
<context>
    <name>ShowQrDialog</name>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="66"/>
        <source>QR code for {label}</source>
        <translation>Code QR de {label}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="68"/>
        <source>Scan this code with the authenticator app on your other device, or type the key into it. Anyone who sees it can make your codes.</source>
        <translation>Scannez ce code avec l’application d’authentification de votre autre appareil, ou saisissez-y la clé. Quiconque le voit peut générer vos codes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="74"/>
        <source>QR code of the key</source>
        <translation>Code QR de la clé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="83"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="88"/>
        <source>The code is hidden to keep the key safe.</source>
        <translation>Le code est masqué pour protéger la clé.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="92"/>
        <source>&amp;Copy key</source>
        <translation>&amp;Copier la clé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="93"/>
        <source>Copy key</source>
        <translation>Copier la clé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="95"/>
        <source>&amp;Show again</source>
        <translation>&amp;Afficher de nouveau</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="96"/>
        <source>Show again</source>
        <translation>Afficher de nouveau</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="98"/>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="99"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/qr.py" line="144"/>
        <source>Hidden in {n} s</source>
        <translation>Masqué dans {n} s</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <location filename="../../authenticator/ui/common/widgets.py" line="139"/>
        <source>Notice</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="41"/>
        <location filename="../../authenticator/ui/transfer/menu.py" line="94"/>
        <source>Show &amp;QR for another device…</source>
        <translation>Afficher le &amp;QR pour un autre appareil…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="46"/>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurer depuis une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="143"/>
        <source>The QR code of {label} lets another device make the same codes.</source>
        <translation>Le code QR de {label} permet à un autre appareil de générer les mêmes codes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="154"/>
        <source>Google Authenticator export codes hold your keys.</source>
        <translation>Les codes d’exportation Google Authenticator contiennent vos clés.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="162"/>
        <source>Backup saved to {file}</source>
        <translation>Sauvegarde enregistrée dans {file}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="165"/>
        <source>The backup will hold every key of this vault.</source>
        <translation>La sauvegarde contiendra toutes les clés de ce coffre.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="43"/>
        <source>To &amp;Google Authenticator…</source>
        <translation>Vers &amp;Google Authenticator…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="45"/>
        <source>Back &amp;up…</source>
        <translation>Sauve&amp;garder…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="47"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="48"/>
        <source>Import a backup or another app&apos;s export</source>
        <translation>Importer une sauvegarde ou l’exportation d’une autre application</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="49"/>
        <source>Keys as &amp;text…</source>
        <translation>Clés en &amp;texte…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="50"/>
        <source>For &amp;Aegis…</source>
        <translation>Pour &amp;Aegis…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="57"/>
        <source>&amp;Export</source>
        <extracomment>The window&apos;s entry of each export format of the registry (the backup has its own top-level &quot;Back up…&quot;); a format without one is not offered in the window.</extracomment>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="186"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="187"/>
        <source>Backups and other apps&apos; exports (*.authvault *.json *.2fas *.txt *.csv *.aes *.xml *.bin *.zip *.db *.db3 *.maFile *.authpro *.backup databases PhoneFactor);;Authenticator backups (*.authvault);;All files (*)</source>
        <translation>Sauvegardes et exportations d’autres applications (*.authvault *.json *.2fas *.txt *.csv *.aes *.xml *.bin *.zip *.db *.db3 *.maFile *.authpro *.backup databases PhoneFactor);;Sauvegardes Authenticator (*.authvault);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../authenticator/ui/transfer/menu.py" line="201"/>
        <source>Added %n account(s)</source>
        <translation>
            <numerusform>%n compte ajouté</numerusform>
            <numerusform>%n comptes ajoutés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="207"/>
        <source>Aegis file saved to {file}</source>
        <translation>Fichier Aegis enregistré dans {file}</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="210"/>
        <source>The Aegis file will hold every key of this vault.</source>
        <translation>Le fichier Aegis contiendra toutes les clés de ce coffre.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="216"/>
        <source>Export every key as plain otpauth:// links.</source>
        <translation>Exporter chaque clé sous forme de liens otpauth:// en clair.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="220"/>
        <location filename="../../authenticator/ui/transfer/menu.py" line="238"/>
        <location filename="../../authenticator/ui/transfer/menu.py" line="246"/>
        <source>Export keys as text</source>
        <translation>Exporter les clés en texte</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="221"/>
        <source>The file will hold your keys UNENCRYPTED: anyone who reads it can make your codes. Delete it as soon as you have used it, and prefer an encrypted backup.</source>
        <translation>Le fichier contiendra vos clés NON CHIFFRÉES&#xa0;: quiconque le lit peut générer vos codes. Supprimez-le dès que vous l’avez utilisé, et préférez une sauvegarde chiffrée.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="224"/>
        <source>I &amp;understand, export</source>
        <translation>J’ai &amp;compris, exporter</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="240"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/transfer/menu.py" line="248"/>
        <source>Keys written to {file} (readable by you only)</source>
        <translation>Clés écrites dans {file} (lisible par vous seul)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../authenticator/ui/platform/tray.py" line="45"/>
        <location filename="../../authenticator/ui/platform/tray.py" line="84"/>
        <source>Favourites: click to copy</source>
        <translation>Favoris&#xa0;: cliquez pour copier</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/platform/tray.py" line="77"/>
        <source>Favourites: unlock to see them</source>
        <translation>Favoris&#xa0;: déverrouillez pour les voir</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/platform/tray.py" line="80"/>
        <source>Favourites: none yet (star an account in the list)</source>
        <translation>Favoris&#xa0;: aucun pour l’instant (marquez un compte comme favori dans la liste)</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="193"/>
        <source>Vault locked</source>
        <translation>Coffre verrouillé</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="201"/>
        <location filename="../../authenticator/ui/vault/pages.py" line="202"/>
        <source>Vault password</source>
        <translation>Mot de passe du coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="206"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="208"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="213"/>
        <source>Unlocking</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="215"/>
        <source>&amp;Restore from an automatic backup…</source>
        <translation>&amp;Restaurer une sauvegarde automatique…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="216"/>
        <source>Restore from an automatic backup</source>
        <translation>Restaurer une sauvegarde automatique</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="220"/>
        <source>Open another vault…</source>
        <translation>Ouvrir un autre coffre…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="222"/>
        <source>Open another vault</source>
        <translation>Ouvrir un autre coffre</translation>
    </message>
</context>
<context>
    <name>VaultRecovery</name>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="82"/>
        <source>This vault file is damaged: the password is right, but its content fails the integrity check.</source>
        <translation>Ce fichier de coffre est endommagé : le mot de passe est juste, mais son contenu échoue au contrôle d’intégrité.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="85"/>
        <source>This file cannot be read: it is not an Authenticator vault, or it is damaged or truncated.</source>
        <translation>Ce fichier est illisible : ce n’est pas un coffre Authenticator, ou il est endommagé ou tronqué.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="88"/>
        <source>There is no automatic backup of it in the backups folder.</source>
        <translation>Il n’y en a aucune sauvegarde automatique dans le dossier des sauvegardes.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="151"/>
        <source>The vault was replaced by the backup; the previous file is kept as a backup.</source>
        <translation>Le coffre a été remplacé par la sauvegarde ; le fichier précédent est gardé comme sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="162"/>
        <source>This is an automatic backup</source>
        <translation>Ceci est une sauvegarde automatique</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="163"/>
        <source>{file} is an automatic backup of {vault}. Working inside the backups folder would mix your changes with old copies that are deleted over time. Restore it as the vault instead? The current vault file is kept as a backup.</source>
        <translation>{file} est une sauvegarde automatique de {vault}. Travailler dans le dossier des sauvegardes mélangerait vos modifications avec d’anciennes copies supprimées au fil du temps. La restaurer plutôt comme coffre ? Le fichier actuel du coffre est gardé comme sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="168"/>
        <source>&amp;Restore it as the vault…</source>
        <translation>&amp;La restaurer comme coffre…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/recovery.py" line="170"/>
        <source>Restore it as the vault</source>
        <translation>La restaurer comme coffre</translation>
    </message>
</context>
<context>
    <name>VaultSession</name>
    <message>
        <location filename="../../authenticator/ui/common/session.py" line="171"/>
        <source>The vault was changed elsewhere, including its password: use the new password from now on.</source>
        <translation>Le coffre a été modifié ailleurs, y compris son mot de passe&#xa0;: utilisez désormais le nouveau mot de passe.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/session.py" line="174"/>
        <source>Updated with changes saved elsewhere (another device or program).</source>
        <translation>Mis à jour avec les modifications enregistrées ailleurs (autre appareil ou programme).</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/common/session.py" line="184"/>
        <source>Conflict copies that do not open with this vault&apos;s key were left alone: {names}</source>
        <translation>Copies en conflit qui ne s&apos;ouvrent pas avec la clé de ce coffre, laissées telles quelles&#xa0;: {names}</translation>
    </message>
</context>
<context>
    <name>WeakPasswordGuard</name>
    <message>
        <location filename="../../authenticator/ui/vault/weak_guard.py" line="32"/>
        <source>Weak password warning</source>
        <translation>Avertissement : mot de passe faible</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/weak_guard.py" line="38"/>
        <source>&amp;Use it anyway</source>
        <translation>&amp;L’utiliser quand même</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/weak_guard.py" line="39"/>
        <source>Use it anyway</source>
        <translation>L’utiliser quand même</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/weak_guard.py" line="54"/>
        <source>{reason} A weak password is the easiest way into your keys if someone gets a copy of the vault file. Choose a longer one, or use this one anyway.</source>
        <translation>{reason} Un mot de passe faible est le chemin le plus facile vers vos clés si quelqu’un obtient une copie du fichier du coffre. Choisissez-en un plus long, ou utilisez celui-ci quand même.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="67"/>
        <source>Welcome to Authenticator</source>
        <translation>Bienvenue dans Authenticator</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="69"/>
        <source>Your two-factor keys are kept in an encrypted vault on this computer. Choose a password to protect it.</source>
        <translation>Vos clés à deux facteurs sont conservées dans un coffre chiffré sur cet ordinateur. Choisissez un mot de passe pour le protéger.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="77"/>
        <source>New vault password</source>
        <translation>Nouveau mot de passe du coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="78"/>
        <source>At least {n} characters</source>
        <translation>Au moins {n} caractères</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="82"/>
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="83"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="84"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="91"/>
        <source>Password strength</source>
        <translation>Robustesse du mot de passe</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="98"/>
        <source>&lt;b&gt;There is no way to recover a lost password.&lt;/b&gt; Without it, the keys in this vault are gone. Write it down somewhere safe.</source>
        <translation>&lt;b&gt;Un mot de passe perdu ne peut pas être récupéré.&lt;/b&gt; Sans lui, les clés de ce coffre sont perdues. Notez-le en lieu sûr.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="109"/>
        <source>&amp;Create vault</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="111"/>
        <source>Create vault</source>
        <translation>Créer le coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="112"/>
        <source>&amp;Open an existing vault file…</source>
        <translation>&amp;Ouvrir un fichier de coffre existant…</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="114"/>
        <source>Open an existing vault file</source>
        <translation>Ouvrir un fichier de coffre existant</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="118"/>
        <source>Creating the vault</source>
        <translation>Création du coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="143"/>
        <source>The password needs at least {n} characters.</source>
        <translation>Le mot de passe doit comporter au moins {n} caractères.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="147"/>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="156"/>
        <source>Open a vault</source>
        <translation>Ouvrir un coffre</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/vault/pages.py" line="157"/>
        <source>Authenticator vaults (*.authvault);;All files (*)</source>
        <translation>Coffres Authenticator (*.authvault);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../authenticator/ui/platform/tray.py" line="41"/>
        <location filename="../../authenticator/ui/platform/tray.py" line="104"/>
        <source>Authenticator</source>
        <translation>Authenticator</translation>
    </message>
    <message>
        <location filename="../../authenticator/ui/platform/tray.py" line="54"/>
        <source>Show / hide</source>
        <translation>Afficher / masquer</translation>
    </message>
</context>
</TS>
